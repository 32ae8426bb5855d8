package io.docchat.documents;

import io.docchat.core.model.Box;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OCR of the scanned pages of one document under the document's page and time limits. It remembers what happened to
 * every page it was asked about, so that the document records which pages were read by OCR, with what confidence,
 * which words were uncertain, and why any page was not read.
 */
final class DocumentOcr {

    /** Draws a page for recognition; called only when the page will really be read. */
    @FunctionalInterface
    interface PageImage {
        BufferedImage draw() throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(DocumentOcr.class);
    private static final int LISTED_UNCERTAIN_WORDS = 20;
    private static final int LISTED_PAGE_CONFIDENCES = 20;

    private final OcrSettings settings;
    private final TesseractCommand tesseract;
    private final long deadline;
    private final Map<Integer, Float> confidenceByPage = new LinkedHashMap<>();
    private final Map<Integer, String> languagesByPage = new LinkedHashMap<>();
    private final List<String> uncertainWords = new ArrayList<>();
    private int uncertainWordCount;
    private final Set<Integer> attempted = new TreeSet<>();
    private final Set<Integer> overPageLimit = new TreeSet<>();
    private final Set<Integer> overTimeLimit = new TreeSet<>();
    private final Set<Integer> unavailable = new TreeSet<>();
    private final Set<Integer> foundNothing = new TreeSet<>();
    private final Map<Integer, String> failures = new TreeMap<>();
    private final Set<String> missingLanguages = new TreeSet<>();
    private String unavailableReason;
    private int pagesRead;

    private final OcrProgress progress;

    DocumentOcr(OcrSettings settings, TesseractCommand tesseract, OcrProgress progress) {
        this.settings = settings;
        this.tesseract = tesseract;
        this.progress = progress;
        this.deadline = System.nanoTime() + settings.documentTimeout().toNanos();
    }

    /**
     * A page to read.
     *
     * @param width  the page's displayed width in page units; line boxes are scaled from image pixels to these units
     * @param height the page's displayed height in page units
     * @param dpi    the image's resolution for Tesseract, or 0 when unknown
     * @param image  draws the page; called on the caller's thread, one page after another
     */
    record PageRequest(int number, float width, float height, int rotation, int dpi, PageImage image) {}

    /** What one Tesseract run made of a page. */
    private sealed interface Outcome {
        record Read(OcrPageText text, String languages) implements Outcome {}

        record NoLanguage(String wanted) implements Outcome {}

        record OutOfTime() implements Outcome {}

        record Failed(OcrException failure) implements Outcome {}
    }

    /**
     * Reads the pages within the document's limits, in order: each is drawn on the calling thread (PDFBox documents
     * are not thread-safe) and recognised by one of up to {@link OcrSettings#threads()} Tesseract processes at once;
     * at most that many drawn pages wait in memory. Pages not read are remembered with the reason.
     *
     * @return the lines in page units of every page that OCR read and found text on, by page number
     * @throws InterruptedException when the parsing thread is interrupted (the document's deadline has passed); the
     *                              running Tesseract processes are killed
     */
    Map<Integer, PdfPageCollector.CollectedPage> readAll(List<PageRequest> requests) throws InterruptedException {
        Map<Integer, PdfPageCollector.CollectedPage> read = new LinkedHashMap<>();
        if (requests.isEmpty()) {
            return read;
        }
        ExecutorService workers = Executors.newFixedThreadPool(settings.threads(), DocumentOcr::worker);
        Semaphore slots = new Semaphore(settings.threads());
        List<Map.Entry<PageRequest, Future<Outcome>>> pending = new ArrayList<>();
        try {
            for (PageRequest request : requests) {
                attempted.add(request.number());
                Optional<Set<String>> installed = admit(request.number());
                if (installed.isEmpty()) {
                    continue;
                }
                slots.acquire();
                BufferedImage gray;
                try {
                    gray = grayscale(request.image().draw());
                } catch (IOException | RuntimeException e) {
                    slots.release();
                    failures.put(request.number(), "the page could not be drawn: " + e.getMessage());
                    LOG.debug("Cannot draw page {} for OCR", request.number(), e);
                    continue;
                }
                pagesRead++;
                progress.started();
                Set<String> languages = installed.get();
                pending.add(Map.entry(request, workers.submit(() -> {
                    try {
                        return recognize(request, gray, languages);
                    } finally {
                        progress.finished();
                        slots.release();
                    }
                })));
            }
            for (Map.Entry<PageRequest, Future<Outcome>> entry : pending) {
                PageRequest request = entry.getKey();
                outcome(request, result(entry.getValue())).ifPresent(page -> read.put(request.number(), page));
            }
            return read;
        } finally {
            // Interrupts workers still running, which kills their Tesseract processes.
            workers.shutdownNow();
        }
    }

    /** The installed languages when the page may be read; otherwise the reason it may not is recorded. */
    private Optional<Set<String>> admit(int pageNumber) throws InterruptedException {
        if (!settings.enabled()) {
            unavailable.add(pageNumber);
            unavailableReason = unavailableReason == null ? "OCR is turned off" : unavailableReason;
            return Optional.empty();
        }
        if (unavailableReason != null) {
            unavailable.add(pageNumber);
            return Optional.empty();
        }
        if (pagesRead >= settings.maxPagesPerDocument()) {
            overPageLimit.add(pageNumber);
            return Optional.empty();
        }
        if (deadline - System.nanoTime() <= 0) {
            overTimeLimit.add(pageNumber);
            return Optional.empty();
        }
        Optional<Set<String>> installed = tesseract.installedLanguages();
        if (installed.isEmpty()) {
            unavailableReason = "Tesseract is not installed (the Debian package " + OcrSettings.DEBIAN_PACKAGE + ")";
            unavailable.add(pageNumber);
        }
        return installed;
    }

    /** Runs on a worker: chooses the languages and reads the page, within the page's share of the time left. */
    private Outcome recognize(PageRequest request, BufferedImage gray, Set<String> installed)
            throws InterruptedException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            return new Outcome.OutOfTime();
        }
        Duration timeout = Duration.ofNanos(Math.min(settings.pageTimeout().toNanos(), remaining));
        try {
            String wanted = settings.languages();
            if (wanted.equals(OcrSettings.AUTO)) {
                wanted = OcrLanguages.forScript(tesseract.detectScript(gray, timeout).orElse(null));
            }
            OcrLanguages chosen = OcrLanguages.of(wanted, installed);
            synchronized (missingLanguages) {
                missingLanguages.addAll(chosen.missing());
            }
            if (chosen.languages() == null) {
                return new Outcome.NoLanguage(wanted);
            }
            long started = System.nanoTime();
            OcrPageText text = tesseract.recognize(gray, request.dpi(), chosen.languages(), timeout);
            LOG.debug("OCR of page {} with {} took {} ms", request.number(), chosen.languages(),
                    (System.nanoTime() - started) / 1_000_000);
            return new Outcome.Read(text, chosen.languages());
        } catch (OcrException e) {
            if (e.reason() == OcrException.Reason.TIMEOUT && deadline - System.nanoTime() <= 0) {
                return new Outcome.OutOfTime();
            }
            return new Outcome.Failed(e);
        }
    }

    private static Outcome result(Future<Outcome> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Outcome.Failed(new OcrException(OcrException.Reason.FAILED, String.valueOf(cause.getMessage()),
                    cause));
        }
    }

    /** Records what happened to the page; its lines when OCR found text. */
    private Optional<PdfPageCollector.CollectedPage> outcome(PageRequest request, Outcome outcome) {
        int page = request.number();
        if (outcome instanceof Outcome.Read read) {
            if (read.text().words().isEmpty()) {
                foundNothing.add(page);
                return Optional.empty();
            }
            record(page, read.languages(), read.text());
            return Optional.of(collected(page, request.width(), request.height(), request.rotation(), read.text()));
        }
        if (outcome instanceof Outcome.NoLanguage none) {
            unavailableReason = unavailableReason != null ? unavailableReason
                    : "the OCR language data for " + none.wanted() + " is not installed";
            unavailable.add(page);
        } else if (outcome instanceof Outcome.OutOfTime) {
            overTimeLimit.add(page);
        } else if (outcome instanceof Outcome.Failed failed) {
            OcrException e = failed.failure();
            if (e.reason() == OcrException.Reason.UNAVAILABLE) {
                unavailableReason = unavailableReason != null ? unavailableReason : e.getMessage();
                unavailable.add(page);
            } else {
                failures.put(page, e.getMessage());
            }
            LOG.debug("OCR did not read page {}: {}", page, e.getMessage());
        }
        return Optional.empty();
    }

    private static Thread worker(Runnable task) {
        Thread thread = new Thread(task, "docchat-ocr");
        thread.setDaemon(true);
        return thread;
    }

    /** True when this page was handed to {@link #readAll}, whatever came of it. */
    boolean attempted(int pageNumber) {
        return attempted.contains(pageNumber);
    }

    /** Pages read by OCR and their mean word confidence (0 to 100), in page order. */
    Map<Integer, Float> confidenceByPage() {
        return Map.copyOf(confidenceByPage);
    }

    /** What a person should know about the OCR of this document. */
    List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (!confidenceByPage.isEmpty()) {
            warnings.add(readSummary());
        }
        if (uncertainWordCount > 0) {
            StringBuilder sb = new StringBuilder();
            sb.append(uncertainWordCount).append(" OCR word(s) below ").append(settings.lowConfidence())
                    .append("% confidence were kept as read: ").append(String.join(", ", uncertainWords));
            if (uncertainWordCount > uncertainWords.size()) {
                sb.append(" and ").append(uncertainWordCount - uncertainWords.size()).append(" more");
            }
            warnings.add(sb.append('.').toString());
        }
        if (!missingLanguages.isEmpty()) {
            List<String> packages = missingLanguages.stream().map(OcrLanguages::debianPackage).toList();
            warnings.add("OCR language(s) " + String.join(", ", missingLanguages) + " are not installed; install "
                    + String.join(", ", packages) + " to read them.");
        }
        if (!unavailable.isEmpty()) {
            warnings.add(textless(unavailable) + ": " + unavailableReason + ".");
        }
        if (!overPageLimit.isEmpty()) {
            warnings.add(textless(overPageLimit) + ": OCR reads at most " + settings.maxPagesPerDocument()
                    + " pages of a document.");
        }
        if (!overTimeLimit.isEmpty()) {
            warnings.add(textless(overTimeLimit) + ": OCR stopped at its time limit of "
                    + settings.documentTimeout().toSeconds() + " s per document.");
        }
        Map<String, Set<Integer>> pagesByFailure = new LinkedHashMap<>();
        failures.forEach((page, reason) -> pagesByFailure.computeIfAbsent(reason, r -> new TreeSet<>()).add(page));
        pagesByFailure.forEach((reason, pages) -> warnings.add("Page(s) " + PdfParser.ranges(List.copyOf(pages))
                + " have no usable text layer and OCR failed on them: " + reason + "."));
        if (!foundNothing.isEmpty()) {
            warnings.add("Page(s) " + PdfParser.ranges(List.copyOf(foundNothing))
                    + " have no usable text layer and OCR found no text on them.");
        }
        return warnings;
    }

    private String readSummary() {
        List<Integer> pages = List.copyOf(confidenceByPage.keySet());
        Set<String> languages = new TreeSet<>(languagesByPage.values());
        StringBuilder sb = new StringBuilder("Page(s) ").append(PdfParser.ranges(pages))
                .append(" were read by OCR (").append(String.join(", ", languages)).append("); mean word confidence ");
        int listed = 0;
        for (Map.Entry<Integer, Float> entry : confidenceByPage.entrySet()) {
            if (listed == LISTED_PAGE_CONFIDENCES) {
                sb.append(", ...");
                break;
            }
            if (listed > 0) {
                sb.append(", ");
            }
            sb.append("page ").append(entry.getKey()).append(' ')
                    .append(Math.round(entry.getValue())).append('%');
            listed++;
        }
        return sb.append('.').toString();
    }

    private static String textless(Set<Integer> pages) {
        return "Page(s) " + PdfParser.ranges(List.copyOf(pages)) + " have no usable text layer and were not read by OCR";
    }

    private void record(int pageNumber, String languages, OcrPageText text) {
        double sum = 0;
        List<OcrWord> words = text.words();
        for (OcrWord word : words) {
            sum += word.confidence();
            if (word.confidence() < settings.lowConfidence()) {
                uncertainWordCount++;
                if (uncertainWords.size() < LISTED_UNCERTAIN_WORDS) {
                    uncertainWords.add(String.format(Locale.ROOT, "\"%s\" (page %d, %d%%)", word.text(), pageNumber,
                            Math.round(word.confidence())));
                }
            }
        }
        confidenceByPage.put(pageNumber, (float) (sum / words.size()));
        languagesByPage.put(pageNumber, languages);
    }

    /** Tesseract's lines as PDF-style lines on the displayed page, in page units. */
    static PdfPageCollector.CollectedPage collected(int pageNumber, float width, float height, int rotation,
                                                     OcrPageText text) {
        float sx = width / text.imageWidth();
        float sy = height / text.imageHeight();
        List<PdfLine> lines = new ArrayList<>(text.lines().size());
        OcrLine previous = null;
        for (OcrLine line : text.lines()) {
            Box box = new Box(line.left() * sx, line.top() * sy, line.width() * sx, line.height() * sy);
            // The line's height stands in for the font size: headings are told apart by size within the page.
            lines.add(new PdfLine(line.text(), box, box.height(), false, !line.sameParagraph(previous)));
            previous = line;
        }
        return new PdfPageCollector.CollectedPage(pageNumber, width, height, rotation, lines);
    }

    /** An 8-bit grey copy on white: Tesseract binarises anyway, and transparent pixels must not turn black. */
    static BufferedImage grayscale(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = gray.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return gray;
    }
}
