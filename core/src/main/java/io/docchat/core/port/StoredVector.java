package io.docchat.core.port;

/**
 * A passage's vector as the knowledge store keeps it.
 *
 * @param sequence  the position of this write in the store's vector log (grows with every vector stored, a
 *                  replacement included), which the passage index replays as it replays the change log
 * @param passageId the passage
 * @param modelId   the {@link io.docchat.core.port.PassageEmbedder#modelId()} that made it
 */
public record StoredVector(long sequence, long passageId, String modelId, Embedding embedding) {}
