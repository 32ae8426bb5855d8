package io.docchat.documents;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@code tesseract} command on one page image at a time. Each page is its own process, so a crash or a hang
 * in the native engine costs that page only: the process is killed at the page timeout and the JVM is never at risk.
 * Image and output go through a private scratch directory that is deleted afterwards.
 */
final class TesseractCommand {

    private static final Logger LOG = LoggerFactory.getLogger(TesseractCommand.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
    private static final int STDERR_CHARS = 400;

    private final String command;
    private Optional<Set<String>> installed;

    TesseractCommand(String command) {
        this.command = command;
    }

    /** The languages Tesseract has data for, or empty when the command cannot be run; asked once. */
    synchronized Optional<Set<String>> installedLanguages() throws InterruptedException {
        if (installed == null) {
            installed = probeLanguages();
        }
        return installed;
    }

    /**
     * Reads the text lines of an image.
     *
     * @param dpi       the image's resolution, or 0 to let Tesseract estimate it from the text
     * @param languages Tesseract languages joined by '+'
     */
    OcrPageText recognize(BufferedImage image, int dpi, String languages, Duration timeout)
            throws OcrException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-l", languages));
        if (dpi > 0) {
            args.add("--dpi");
            args.add(Integer.toString(dpi));
        }
        args.add("tsv");
        String tsv = run(image, args, "tsv", timeout);
        return TesseractTsv.parse(tsv, image.getWidth(), image.getHeight());
    }

    /** The script Tesseract's orientation and script detection sees on the image ("Latin", "Han", ...), if any. */
    Optional<String> detectScript(BufferedImage image, Duration timeout) throws OcrException, InterruptedException {
        String osd;
        try {
            osd = run(image, List.of("--psm", "0"), "osd", timeout);
        } catch (OcrException e) {
            if (e.reason() == OcrException.Reason.FAILED) {
                // Too little text to tell: not a reason to give up on the page.
                return Optional.empty();
            }
            throw e;
        }
        for (String line : osd.split("\r?\n")) {
            if (line.startsWith("Script:")) {
                return Optional.of(line.substring("Script:".length()).strip());
            }
        }
        return Optional.empty();
    }

    private String run(BufferedImage image, List<String> options, String outputExtension, Duration timeout)
            throws OcrException, InterruptedException {
        Path scratch = null;
        Process process = null;
        try {
            scratch = Files.createTempDirectory("docchat-ocr-");
            Path input = scratch.resolve("page.bmp");
            if (!ImageIO.write(image, "bmp", input.toFile())) {
                input = scratch.resolve("page.png");
                ImageIO.write(image, "png", input.toFile());
            }
            Path outputBase = scratch.resolve("out");
            Path stderr = scratch.resolve("stderr.txt");
            List<String> commandLine = new ArrayList<>();
            commandLine.add(command);
            commandLine.add(input.toString());
            commandLine.add(outputBase.toString());
            commandLine.addAll(options);
            ProcessBuilder builder = new ProcessBuilder(commandLine)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(stderr.toFile());
            // Pages are already read in parallel by the ingest threads; OpenMP threads on top of them only contend.
            builder.environment().put("OMP_THREAD_LIMIT", "1");
            process = start(builder);
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                process.destroyForcibly();
                throw new OcrException(OcrException.Reason.TIMEOUT,
                        "Tesseract took longer than " + timeout.toSeconds() + " s");
            }
            Path output = scratch.resolve("out." + outputExtension);
            if (process.exitValue() != 0 || !Files.isRegularFile(output)) {
                throw new OcrException(OcrException.Reason.FAILED,
                        "Tesseract failed (exit " + process.exitValue() + "): " + tail(stderr));
            }
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (InterruptedException | InterruptedIOException e) {
            if (process != null) {
                process.destroyForcibly();
            }
            Thread.currentThread().interrupt();
            throw new InterruptedException("OCR was interrupted");
        } catch (OcrException e) {
            throw e;
        } catch (IOException e) {
            throw new OcrException(OcrException.Reason.FAILED, "Tesseract could not be run: " + e.getMessage(), e);
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            deleteQuietly(scratch);
        }
    }

    private Process start(ProcessBuilder builder) throws OcrException {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new OcrException(OcrException.Reason.UNAVAILABLE, "the command '" + command + "' cannot be run ("
                    + e.getMessage() + "); install the Debian package " + OcrSettings.DEBIAN_PACKAGE, e);
        }
    }

    private Optional<Set<String>> probeLanguages() throws InterruptedException {
        Path scratch = null;
        Process process = null;
        try {
            scratch = Files.createTempDirectory("docchat-ocr-");
            Path out = scratch.resolve("languages.txt");
            process = new ProcessBuilder(command, "--list-langs")
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            if (!process.waitFor(PROBE_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS) || process.exitValue() != 0) {
                LOG.warn("'{} --list-langs' did not answer; OCR is off", command);
                return Optional.empty();
            }
            Set<String> languages = new LinkedHashSet<>();
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                String name = line.strip();
                if (!name.isEmpty() && !name.contains(" ") && !name.endsWith(":")) {
                    languages.add(name.toLowerCase(Locale.ROOT));
                }
            }
            return Optional.of(Set.copyOf(languages));
        } catch (IOException e) {
            LOG.info("Tesseract is not available as '{}' ({}); install the Debian package {} to read scanned pages",
                    command, e.getMessage(), OcrSettings.DEBIAN_PACKAGE);
            return Optional.empty();
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            deleteQuietly(scratch);
        }
    }

    private static String tail(Path stderr) {
        try {
            String text = Files.readString(stderr, StandardCharsets.UTF_8).strip();
            return text.length() <= STDERR_CHARS ? text : "..." + text.substring(text.length() - STDERR_CHARS);
        } catch (IOException e) {
            return "(no error output)";
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    LOG.debug("Cannot delete OCR scratch file {}", path, e);
                }
            });
        } catch (IOException e) {
            LOG.debug("Cannot delete OCR scratch directory {}", directory, e);
        }
    }
}
