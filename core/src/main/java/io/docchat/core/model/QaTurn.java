package io.docchat.core.model;

/** An earlier question and its answer, as context for a follow-up. */
public record QaTurn(String question, String answer) {}
