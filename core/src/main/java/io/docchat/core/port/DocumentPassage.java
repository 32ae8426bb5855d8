package io.docchat.core.port;

import io.docchat.core.model.Document;
import io.docchat.core.model.Passage;

/** A stored passage with the document it belongs to, as {@link KnowledgeStore#passagesWithDocuments} reads them. */
public record DocumentPassage(Passage passage, Document document) {}
