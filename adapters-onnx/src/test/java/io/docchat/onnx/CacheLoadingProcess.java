package io.docchat.onnx;

import java.nio.file.Path;
import java.util.List;

/**
 * A process of its own for {@link ModelCacheTest}: loads the English model through the cache in {@code args[0]} and
 * checks the query's vector against {@code args[1]} (comma-separated), printing "same vector" when it matches.
 */
public final class CacheLoadingProcess {
    private CacheLoadingProcess() {}

    public static void main(String[] args) {
        String[] parts = args[1].split(",");
        float[] expected = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            expected[i] = Float.parseFloat(parts[i]);
        }
        try (OnnxPassageEmbedder embedder = OnnxPassageEmbedder.of(
                List.of(BundledModel.BGE_SMALL_EN), 1, ModelCache.in(Path.of(args[0])))) {
            float[] actual = embedder.embedQuery(ModelCacheTest.ENGLISH).get(0).vector();
            for (int i = 0; i < expected.length; i++) {
                if (Math.abs(actual[i] - expected[i]) > 1e-5f) {
                    System.out.println("component " + i + " differs: " + actual[i] + " against " + expected[i]);
                    System.exit(1);
                }
            }
            System.out.println("same vector, from the cache: " + embedder.languagesLoadedFromCache());
        }
    }
}
