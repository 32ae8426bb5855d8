package io.docchat.core.api;

/** Where the time of one answer went, in nanoseconds: query planning, retrieval, and answer generation. */
public record StageTimings(long planNanos, long retrieveNanos, long answerNanos) {}
