package io.docchat.core.api;

import io.docchat.core.model.Document;
import io.docchat.core.model.Passage;

/** A passage found by retrieval, with its document and score (higher is better). */
public record RetrievedPassage(Passage passage, Document document, float score) {}
