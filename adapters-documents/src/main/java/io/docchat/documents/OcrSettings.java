package io.docchat.documents;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How scanned pages (PDF pages without a usable text layer, and images) are read with Tesseract's command line.
 *
 * @param enabled               false: pages without a text layer stay textless, with a warning
 * @param languages             Tesseract languages joined by {@code +} (for example {@code eng+chi_sim}), or
 *                              {@value #AUTO} to choose per page from the script Tesseract detects
 * @param dpi                   resolution at which PDF pages are drawn for recognition
 * @param maxPagesPerDocument   pages of one document read by OCR at most; later ones stay textless, with a warning
 * @param documentTimeout       time one document may spend in OCR; pages not reached by then stay textless. Keep it
 *                              below the engine's parse timeout, which fails the whole document
 * @param pageTimeout           the longest one Tesseract run may take before it is killed
 * @param lowConfidence         words Tesseract is less sure of than this (0 to 100) are kept but reported
 * @param command               the Tesseract executable: a name looked up on the PATH, or a path
 * @param threads               pages of one document read at once, each by its own Tesseract process
 */
public record OcrSettings(
        boolean enabled,
        String languages,
        int dpi,
        int maxPagesPerDocument,
        Duration documentTimeout,
        Duration pageTimeout,
        int lowConfidence,
        String command,
        int threads) {

    /** The languages value that asks for detection per page. */
    public static final String AUTO = "auto";
    /** The Debian package that provides the Tesseract command. */
    public static final String DEBIAN_PACKAGE = "tesseract-ocr";

    private static final int MAX_THREADS = 64;
    private static final Pattern LANGUAGE_LIST = Pattern.compile("[A-Za-z0-9_]+(\\+[A-Za-z0-9_]+)*");

    public OcrSettings {
        Objects.requireNonNull(languages, "languages");
        languages = languages.strip();
        if (!languages.equals(AUTO) && !LANGUAGE_LIST.matcher(languages).matches()) {
            throw new IllegalArgumentException("OCR languages must be Tesseract language names joined by '+' "
                    + "(for example eng+chi_sim) or 'auto', not '" + languages + "'");
        }
        if (dpi < 72 || dpi > 600) {
            throw new IllegalArgumentException("OCR dpi must be between 72 and 600, was " + dpi);
        }
        if (maxPagesPerDocument < 0) {
            throw new IllegalArgumentException("OCR page limit must not be negative, was " + maxPagesPerDocument);
        }
        requirePositive(documentTimeout, "OCR document timeout");
        requirePositive(pageTimeout, "OCR page timeout");
        if (lowConfidence < 0 || lowConfidence > 100) {
            throw new IllegalArgumentException("OCR low-confidence threshold must be 0 to 100, was " + lowConfidence);
        }
        Objects.requireNonNull(command, "command");
        if (command.isBlank()) {
            throw new IllegalArgumentException("OCR command must not be blank");
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("OCR threads must be 1 to " + MAX_THREADS + ", was " + threads);
        }
    }

    /**
     * OCR on, English and Simplified Chinese, 300 dpi, at most 50 pages and 4 minutes per document (inside the
     * engine's default 5-minute parse timeout), 60 seconds per page, words under 60% confidence reported, two pages
     * of a document at once.
     */
    public static OcrSettings defaults() {
        return new OcrSettings(true, "eng+chi_sim", 300, 50, Duration.ofMinutes(4), Duration.ofSeconds(60), 60,
                "tesseract", 2);
    }

    /** No OCR at all: pages without a text layer stay textless. */
    public static OcrSettings disabled() {
        return defaults().withEnabled(false);
    }

    public OcrSettings withEnabled(boolean on) {
        return new OcrSettings(on, languages, dpi, maxPagesPerDocument, documentTimeout, pageTimeout, lowConfidence,
                command, threads);
    }

    public OcrSettings withLanguages(String value) {
        return new OcrSettings(enabled, value, dpi, maxPagesPerDocument, documentTimeout, pageTimeout, lowConfidence,
                command, threads);
    }

    public OcrSettings withDpi(int value) {
        return new OcrSettings(enabled, languages, value, maxPagesPerDocument, documentTimeout, pageTimeout,
                lowConfidence, command, threads);
    }

    public OcrSettings withMaxPagesPerDocument(int value) {
        return new OcrSettings(enabled, languages, dpi, value, documentTimeout, pageTimeout, lowConfidence, command,
                threads);
    }

    public OcrSettings withDocumentTimeout(Duration value) {
        return new OcrSettings(enabled, languages, dpi, maxPagesPerDocument, value, pageTimeout, lowConfidence,
                command, threads);
    }

    public OcrSettings withPageTimeout(Duration value) {
        return new OcrSettings(enabled, languages, dpi, maxPagesPerDocument, documentTimeout, value, lowConfidence,
                command, threads);
    }

    public OcrSettings withLowConfidence(int value) {
        return new OcrSettings(enabled, languages, dpi, maxPagesPerDocument, documentTimeout, pageTimeout, value,
                command, threads);
    }

    public OcrSettings withCommand(String value) {
        return new OcrSettings(enabled, languages, dpi, maxPagesPerDocument, documentTimeout, pageTimeout,
                lowConfidence, value, threads);
    }

    public OcrSettings withThreads(int value) {
        return new OcrSettings(enabled, languages, dpi, maxPagesPerDocument, documentTimeout, pageTimeout,
                lowConfidence, command, value);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
