package io.docchat.core.port;

import java.util.List;

/**
 * Turns text into vectors whose closeness stands for closeness of meaning, for semantic retrieval.
 *
 * <p>An embedder may hold several models, one per language (an English and a Chinese one, say); each model writes into
 * its own {@linkplain VectorSpace vector space}, and vectors are only ever compared within one space. A passage gets one
 * vector, from the model made for its language; a query gets one vector per space whose language it is written in.
 *
 * <p>Every vector has unit length, so a dot product is the cosine similarity. Implementations are thread-safe and
 * batch-oriented: one call with many texts is much cheaper than many calls with one. A call made on an interrupted
 * thread, or interrupted while it runs, stops at the next batch boundary and throws
 * {@link java.util.concurrent.CancellationException}; a model that cannot be reached or fails throws
 * {@link io.docchat.core.DocChatException} with {@link io.docchat.core.ErrorCode#MODEL_UNAVAILABLE}.
 */
public interface PassageEmbedder extends AutoCloseable {

    /**
     * Names the model(s) and every setting that changes a vector: stored with each vector, so that a change of model
     * is noticed and the passages embedded again.
     */
    String modelId();

    /** The vector spaces this embedder writes into, one per model. */
    List<VectorSpace> spaces();

    /** One vector per text, in the order given, each in the space of the model made for that text's language. */
    List<Embedding> embedPassages(List<String> texts);

    /** The query in each space whose language it is written in: at least one vector; none for a blank query. */
    List<Embedding> embedQuery(String text);

    /** Releases the models; by default nothing. */
    @Override
    default void close() {}
}
