package io.docchat.benchmarks;

import static io.docchat.benchmarks.Medians.median;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * docchat's PDF parse of this build against another build's, and both against a bare PDFBox text pass, taking turns
 * in one JVM and timed by the calling thread's CPU: on a shared machine whose load drifts between JMH's forks, the
 * turns put the drift on all three alike. Each build is loaded by its own class loader: this benchmarks jar, with the
 * other build's {@code docchat-adapters-documents} jar first for the "other" parse. Run it on one processor
 * ({@code -XX:ActiveProcessorCount=1}) so that the parse reads on the calling thread and its CPU is all counted.
 *
 * <p>Usage: {@code java -XX:ActiveProcessorCount=1 -cp benchmarks.jar io.docchat.benchmarks.ParseCpuComparison
 * PDF OTHER_DOCUMENTS_JAR [ROUNDS]}; three more rounds warm up first.
 */
public final class ParseCpuComparison {
    private static final int WARM_UP = 3;

    private ParseCpuComparison() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ParseCpuComparison PDF OTHER_DOCUMENTS_JAR [ROUNDS]");
            System.exit(2);
        }
        byte[] pdf = Files.readAllBytes(Path.of(args[0]));
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 11;
        URL benchmarks = ParseCpuComparison.class.getProtectionDomain().getCodeSource().getLocation();
        URL other = Path.of(args[1]).toUri().toURL();
        ClassLoader platform = ClassLoader.getPlatformClassLoader();
        List<Pass> passes = List.of(
                new Parse("this build", new URLClassLoader(new URL[] {benchmarks}, platform), pdf),
                new Parse("other build", new URLClassLoader(new URL[] {other, benchmarks}, platform), pdf),
                new Bare(new URLClassLoader(new URL[] {benchmarks}, platform), pdf));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<List<Long>> cpu = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int round = 0; round < WARM_UP + rounds; round++) {
            for (int i = 0; i < passes.size(); i++) {
                long before = threads.getCurrentThreadCpuTime();
                passes.get(i).run();
                if (round >= WARM_UP) {
                    cpu.get(i).add((threads.getCurrentThreadCpuTime() - before) / 1_000_000);
                }
            }
        }
        long bare = median(cpu.get(2));
        System.out.printf(Locale.ROOT, "%s, %d rounds after %d of warm-up, median CPU of the calling thread:%n",
                args[0], rounds, WARM_UP);
        for (int i = 0; i < passes.size(); i++) {
            long median = median(cpu.get(i));
            System.out.printf(Locale.ROOT, "  %-12s %6d ms  %.3fx bare%n", passes.get(i).name(), median,
                    (double) median / bare);
        }
        System.out.printf(Locale.ROOT, "  this build / other build: %.3f%n",
                (double) median(cpu.get(0)) / median(cpu.get(1)));
    }

    private interface Pass {
        String name();

        void run() throws Exception;
    }

    /** docchat's PDF parser as the class loader's build has it, through reflection (each build its own classes). */
    private static final class Parse implements Pass {
        private final String name;
        private final Object parser;
        private final Method parse;
        private final byte[] pdf;

        Parse(String name, ClassLoader loader, byte[] pdf) throws Exception {
            this.name = name;
            this.pdf = pdf;
            Class<?> parsers = loader.loadClass("io.docchat.documents.DocumentParsers");
            Class<?> limits = loader.loadClass("io.docchat.documents.DocumentLimits");
            Class<?> ocr = loader.loadClass("io.docchat.documents.OcrSettings");
            List<?> all = (List<?>) parsers.getMethod("all", limits, ocr)
                    .invoke(null, limits.getMethod("defaults").invoke(null), ocr.getMethod("disabled").invoke(null));
            Class<?> port = loader.loadClass("io.docchat.core.port.DocumentParser");
            Method accepts = port.getMethod("accepts", String.class, byte[].class);
            this.parser = all.stream().filter(p -> {
                try {
                    return (boolean) accepts.invoke(p, "bench.pdf", pdf);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }).findFirst().orElseThrow(() -> new IllegalStateException("no parser accepts the PDF"));
            this.parse = port.getMethod("parse", String.class, byte[].class);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void run() throws Exception {
            parse.invoke(parser, "bench.pdf", pdf);
        }
    }

    /** PDFBox's text stripper with its defaults, the pass {@link IngestionBenchmark#barePdfBoxText} times. */
    private static final class Bare implements Pass {
        private final Method load;
        private final Method getText;
        private final Class<?> stripper;
        private final byte[] pdf;

        Bare(ClassLoader loader, byte[] pdf) throws Exception {
            this.pdf = pdf;
            this.load = loader.loadClass("org.apache.pdfbox.Loader").getMethod("loadPDF", byte[].class);
            this.stripper = loader.loadClass("org.apache.pdfbox.text.PDFTextStripper");
            this.getText = stripper.getMethod("getText", loader.loadClass("org.apache.pdfbox.pdmodel.PDDocument"));
        }

        @Override
        public String name() {
            return "bare PDFBox";
        }

        @Override
        public void run() throws Exception {
            try (AutoCloseable document = (AutoCloseable) load.invoke(null, pdf)) {
                getText.invoke(stripper.getConstructor().newInstance(), document);
            }
        }
    }
}
