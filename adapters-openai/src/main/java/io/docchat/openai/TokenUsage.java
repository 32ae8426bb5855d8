package io.docchat.openai;

/** Token counts a backend reported for one answer. */
public record TokenUsage(int promptTokens, int completionTokens, int totalTokens) {}
