package io.docchat.core.model;

/**
 * How far passages are embedded by the current model.
 *
 * @param passages every passage counted
 * @param embedded those with a vector from the current model
 */
public record EmbeddingProgress(long passages, long embedded) {
    /** True when every passage has its vector. */
    public boolean complete() {
        return embedded >= passages;
    }
}
