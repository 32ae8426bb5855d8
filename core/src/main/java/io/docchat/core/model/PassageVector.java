package io.docchat.core.model;

/** A vector to store for a passage. */
public record PassageVector(long passageId, Embedding embedding) {}
