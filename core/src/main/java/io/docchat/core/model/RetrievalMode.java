package io.docchat.core.model;

/** How passages are ranked for a question. */
public enum RetrievalMode {
    /** BM25 over words only. */
    LEXICAL,
    /** Similarity of meaning only (passages not yet embedded cannot be found). */
    SEMANTIC,
    /** Both, fused into one ranking. */
    HYBRID
}
