package io.docchat.core.port;

import io.docchat.core.model.Passage;

/** A passage as shown to an answer model: its number in the prompt (from 1) and the name of its document. */
public record PromptPassage(int number, Passage passage, String documentName) {}
