package io.docchat.core.port;

/** A vector to store for a passage. */
public record PassageVector(long passageId, Embedding embedding) {}
