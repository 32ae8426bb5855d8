package io.docchat.onnx;

import io.docchat.core.files.ClassPathResource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.docchat.core.port.Embedding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model cache on the real shipped models: same vectors as the jar's graphs, damage detected, races harmless. */
class ModelCacheTest {
    static final String ENGLISH = "How do I prime the pump before starting it?";
    static final String CHINESE = "水泵第一次启动前怎么灌水？";

    private static float[] englishFromJar;
    private static float[] chineseFromJar;

    @TempDir
    Path temp;

    @BeforeAll
    static void embedFromTheJar() {
        try (OnnxPassageEmbedder jar = OnnxPassageEmbedder.of(
                List.of(BundledModel.BGE_SMALL_EN, BundledModel.BGE_SMALL_ZH), 2)) {
            englishFromJar = jar.embedQuery(ENGLISH).get(0).vector();
            chineseFromJar = jar.embedQuery(CHINESE).get(0).vector();
        }
    }

    @Test
    void theCachedGraphsGiveTheJarsVectorsAndTheNextEmbedderLoadsThem() throws IOException {
        ModelCache cache = ModelCache.in(temp.resolve("cache"));
        List<BundledModel> both = List.of(BundledModel.BGE_SMALL_EN, BundledModel.BGE_SMALL_ZH);
        try (OnnxPassageEmbedder first = OnnxPassageEmbedder.of(both, 2, cache)) {
            assertSameVectors(first);
            assertThat(first.languagesLoadedFromCache()).isEmpty();
        }
        assertThat(graphFiles(cache)).hasSize(2);
        try (OnnxPassageEmbedder second = OnnxPassageEmbedder.of(both, 2, cache)) {
            assertSameVectors(second);
            assertThat(second.languagesLoadedFromCache()).containsExactlyInAnyOrder(Language.ENGLISH, Language.CHINESE);
        }
        assertThat(Files.list(cache.directory().orElseThrow()).map(p -> p.getFileName().toString()))
                .noneMatch(name -> name.endsWith(".tmp"));
    }

    @Test
    void aDamagedGraphIsNotUsedAndIsMadeAgain() throws IOException {
        ModelCache cache = ModelCache.in(temp.resolve("cache"));
        loadEnglish(cache);
        Path graph = graphFiles(cache).get(0);
        try (FileChannel channel = FileChannel.open(graph, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long middle = channel.size() / 2;
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, middle);
            one.put(0, (byte) (one.get(0) ^ 0x01)).rewind();
            channel.write(one, middle);
        }
        assertThat(loadEnglish(cache)).as("the damaged file is not used").isFalse();
        assertThat(loadEnglish(cache)).as("the file made again is used").isTrue();
    }

    @Test
    void aGraphCutShortIsNotUsedAndIsMadeAgain() throws IOException {
        ModelCache cache = ModelCache.in(temp.resolve("cache"));
        loadEnglish(cache);
        Path graph = graphFiles(cache).get(0);
        try (FileChannel channel = FileChannel.open(graph, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 3);
        }
        assertThat(loadEnglish(cache)).isFalse();
        assertThat(loadEnglish(cache)).isTrue();
    }

    @Test
    void aGraphSealedForAnotherRuntimeOrSourceIsNotUsed() throws IOException {
        ModelCache cache = ModelCache.in(temp.resolve("cache"));
        loadEnglish(cache);
        Path graph = graphFiles(cache).get(0);
        // The same bytes under the name of another build of the model: the seal names the source it was made from.
        ClassPathResource source = ClassPathResource.find(getClass().getClassLoader(),
                BundledModel.BGE_SMALL_EN.modelResource());
        ClassPathResource other = new ClassPathResource(source.name(), source.url(), source.size(), source.crc() ^ 1);
        Files.copy(graph, graph.resolveSibling(graph.getFileName().toString()
                .replace(source.fingerprint(), other.fingerprint())));
        assertThat(cache.graph(BundledModel.BGE_SMALL_EN.resource(), "1.20.0", other)).isNull();
        assertThat(cache.graph(BundledModel.BGE_SMALL_EN.resource(), "0.0.0", source)).isNull();
    }

    @Test
    void aCacheThatCannotBeWrittenLeavesTheModelsInTheJar() throws IOException {
        Path notADirectory = Files.writeString(temp.resolve("file"), "not a directory");
        ModelCache cache = ModelCache.in(notADirectory.resolve("cache"));
        assertThat(loadEnglish(cache)).isFalse();
        assertThat(loadEnglish(cache)).isFalse();
    }

    @Test
    void twoThreadsMakingTheCacheAtOnceLeaveAWholeGraph() throws Exception {
        ModelCache cache = ModelCache.in(temp.resolve("cache"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> loads = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                loads.add(pool.submit(() -> {
                    start.await();
                    return loadEnglish(cache);
                }));
            }
            start.countDown();
            for (Future<Boolean> load : loads) {
                assertThat(load.get(5, TimeUnit.MINUTES)).isFalse();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(graphFiles(cache)).hasSize(1);
        assertThat(loadEnglish(cache)).isTrue();
    }

    @Test
    void twoProcessesMakingTheCacheAtOnceLeaveAWholeGraph() throws Exception {
        Path directory = temp.resolve("cache");
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            processes.add(childLoad(directory, temp.resolve("child-" + i + ".txt")));
        }
        for (int i = 0; i < processes.size(); i++) {
            Process process = processes.get(i);
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
            String output = Files.readString(temp.resolve("child-" + i + ".txt"));
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("same vector");
        }
        ModelCache cache = ModelCache.in(directory);
        assertThat(graphFiles(cache)).hasSize(1);
        assertThat(loadEnglish(cache)).isTrue();
    }

    @Test
    void onnxRuntimesLibrariesAreKeptAsInItsJarAndRepairedWhenDamaged() throws IOException {
        ModelCache cache = ModelCache.in(temp.resolve("cache"));
        Path libraries = RuntimeLibraries.keep(cache);
        assertThat(libraries).isNotNull().startsWith(temp.resolve("cache"));
        Path library = libraries.resolve(System.mapLibraryName("onnxruntime").replace("jnilib", "dylib"));
        long crc = crc(library);
        assertThat(Files.size(library)).isGreaterThan(1_000_000);
        try (FileChannel channel = FileChannel.open(library, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {0, 0, 0, 0}), 4096);
        }
        assertThat(crc(library)).isNotEqualTo(crc);
        assertThat(RuntimeLibraries.keep(cache)).isEqualTo(libraries);
        assertThat(crc(library)).isEqualTo(crc);
    }

    /** Embeds the English query through a fresh embedder on this cache; true when its graph came from the cache. */
    static boolean loadEnglish(ModelCache cache) {
        try (OnnxPassageEmbedder embedder = OnnxPassageEmbedder.of(List.of(BundledModel.BGE_SMALL_EN), 1, cache)) {
            List<Embedding> vectors = embedder.embedQuery(ENGLISH);
            assertClose(vectors.get(0).vector(), englishFromJar);
            return embedder.languagesLoadedFromCache().contains(Language.ENGLISH);
        }
    }

    private static void assertSameVectors(OnnxPassageEmbedder embedder) {
        assertClose(embedder.embedQuery(ENGLISH).get(0).vector(), englishFromJar);
        assertClose(embedder.embedQuery(CHINESE).get(0).vector(), chineseFromJar);
    }

    static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("component %d", i).isCloseTo(expected[i], within(1e-5f));
        }
    }

    private static List<Path> graphFiles(ModelCache cache) throws IOException {
        try (Stream<Path> files = Files.list(cache.directory().orElseThrow())) {
            return files.filter(file -> file.getFileName().toString().endsWith(".onnx")).sorted().toList();
        }
    }

    /** A child JVM that loads the English model through the cache and compares its vector with the jar's. */
    private Process childLoad(Path directory, Path output) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StringBuilder expected = new StringBuilder();
        for (float component : englishFromJar) {
            expected.append(expected.length() == 0 ? "" : ",").append(component);
        }
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CacheLoadingProcess.class.getName(), directory.toString(), expected.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    private static long crc(Path file) throws IOException {
        CRC32 crc = new CRC32();
        try (InputStream in = Files.newInputStream(file)) {
            crc.update(in.readAllBytes());
        }
        return crc.getValue();
    }
}
