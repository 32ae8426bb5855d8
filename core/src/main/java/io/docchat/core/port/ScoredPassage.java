package io.docchat.core.port;

/** A search hit: a passage id and its relevance score (higher is better; comparable within one search only). */
public record ScoredPassage(long passageId, float score) {}
