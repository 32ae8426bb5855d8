package io.docchat.documents;

import io.docchat.core.model.Page;
import io.docchat.core.port.DocumentParser;
import io.docchat.core.port.ParseFailure;
import io.docchat.core.port.ParseResult;
import io.docchat.core.port.ParsedDocument;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads PDF files with PDFBox: text in reading order with a box for every line, page sizes and rotations, headings by
 * font size, tables row by row. Buffers beyond {@link DocumentLimits#pdfMainMemoryBytes()} spill to scratch files.
 *
 * <p>Page by page, the text layer is kept when it is good; a page without one, or with only stray or unreadable
 * characters (see {@link TextLayerQuality}), is drawn at {@link OcrSettings#dpi()} and read by Tesseract, its line
 * boxes scaled back to PDF points so that they match the boxes of text-layer pages.
 */
public final class PdfParser implements DocumentParser {

    static final String PASSWORD_PROTECTED = "The PDF is password-protected.";
    private static final Logger LOG = LoggerFactory.getLogger(PdfParser.class);
    /** Fewer pages than this per core are read on one thread: a short document is not worth a second copy. */
    static final int PAGES_PER_THREAD = 16;

    private final DocumentLimits limits;
    private final OcrSettings ocr;
    private final TesseractCommand tesseract;
    private final OcrProgress progress;
    private final int readers;

    /** Default limits, OCR with {@link OcrSettings#defaults()}. */
    public PdfParser() {
        this(DocumentLimits.defaults());
    }

    /** OCR with {@link OcrSettings#defaults()}. */
    public PdfParser(DocumentLimits limits) {
        this(limits, OcrSettings.defaults());
    }

    public PdfParser(DocumentLimits limits, OcrSettings ocr) {
        this(limits, ocr, new OcrProgress());
    }

    /** @param progress counts the pages read by OCR, for progress displays */
    public PdfParser(DocumentLimits limits, OcrSettings ocr, OcrProgress progress) {
        this(limits, ocr, progress, Runtime.getRuntime().availableProcessors());
    }

    /** @param readers how many threads may read one long document's pages at once */
    PdfParser(DocumentLimits limits, OcrSettings ocr, OcrProgress progress, int readers) {
        if (readers < 1) {
            throw new IllegalArgumentException("readers must be positive, was " + readers);
        }
        this.readers = readers;
        this.limits = Objects.requireNonNull(limits, "limits");
        this.ocr = Objects.requireNonNull(ocr, "ocr");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.tesseract = new TesseractCommand(ocr.command());
    }

    @Override
    public boolean accepts(String fileName, byte[] content) {
        return ContentSniffer.kindOf(fileName, content) == FileKind.PDF;
    }

    @Override
    public ParseResult parse(String fileName, byte[] content) {
        Optional<ParseResult> refused = limits.refuseEmptyOrTooLarge(content);
        if (refused.isPresent()) {
            return refused.get();
        }
        try (PDDocument document = load(content, limits)) {
            int pageCount = document.getNumberOfPages();
            if (pageCount > limits.maxPages()) {
                return ParseResult.failure(ParseFailure.LIMIT_EXCEEDED,
                        "The PDF has " + pageCount + " pages; the limit is " + limits.maxPages() + ".");
            }
            if (pageCount == 0) {
                return ParseResult.failure(ParseFailure.EMPTY, "The PDF has no pages.");
            }
            List<PdfPageCollector.CollectedPage> collected = collect(content, document, pageCount);
            List<Page> pages = new ArrayList<>(PdfBlockAssembler.assemble(collected));
            DocumentOcr documentOcr = new DocumentOcr(ocr, tesseract, progress);
            readScannedPages(document, collected, pages, documentOcr);
            List<String> warnings = new ArrayList<>(warnings(pages, documentOcr));
            warnings.addAll(documentOcr.warnings());
            return ParseResult.success(new ParsedDocument(title(document), pages, warnings));
        } catch (InvalidPasswordException e) {
            return ParseResult.failure(ParseFailure.ENCRYPTED, PASSWORD_PROTECTED);
        } catch (PdfPageCollector.TextLimitException e) {
            return ParseResult.failure(ParseFailure.LIMIT_EXCEEDED, e.getMessage());
        } catch (InterruptedIOException | InterruptedException e) {
            Thread.currentThread().interrupt();
            return ParseResult.failure(ParseFailure.TIMEOUT, "Parsing the PDF was stopped before it finished.");
        } catch (IOException | RuntimeException e) {
            LOG.debug("Unreadable PDF {}", fileName, e);
            return ParseResult.failure(ParseFailure.CORRUPT, "The PDF is damaged or not a PDF: " + reason(e));
        } catch (OutOfMemoryError e) {
            return ParseResult.failure(ParseFailure.LIMIT_EXCEEDED, "The PDF needs more memory than allowed.");
        } catch (StackOverflowError e) {
            return ParseResult.failure(ParseFailure.CORRUPT, "The PDF is damaged: its structure nests too deeply.");
        }
    }

    /**
     * The text layer of every page, in page order. A long document is read in contiguous page ranges on every core:
     * PDFBox reads a document on one thread only, so each further range reads its own copy of the file (loading is a
     * small part of the work) while the calling thread reads the first range from {@code document}.
     */
    private List<PdfPageCollector.CollectedPage> collect(byte[] content, PDDocument document, int pageCount)
            throws IOException, InterruptedException {
        int parts = Math.min(readers, pageCount / PAGES_PER_THREAD);
        if (parts < 2) {
            PdfPageCollector collector = new PdfPageCollector(limits.maxTextChars());
            collector.writeText(document, Writer.nullWriter());
            return collector.pages();
        }
        List<FutureTask<List<PdfPageCollector.CollectedPage>>> others = new ArrayList<>();
        for (int part = 1; part < parts; part++) {
            int first = 1 + part * pageCount / parts;
            int last = (part + 1) * pageCount / parts;
            FutureTask<List<PdfPageCollector.CollectedPage>> task = new FutureTask<>(() -> {
                try (PDDocument copy = load(content, limits)) {
                    return collectRange(copy, first, last);
                }
            });
            Thread thread = new Thread(task, Thread.currentThread().getName() + "-pages-" + first);
            thread.setDaemon(true);
            thread.start();
            others.add(task);
        }
        try {
            List<PdfPageCollector.CollectedPage> pages = new ArrayList<>(collectRange(document, 1, pageCount / parts));
            for (FutureTask<List<PdfPageCollector.CollectedPage>> task : others) {
                pages.addAll(task.get());
            }
            long chars = 0;
            for (PdfPageCollector.CollectedPage page : pages) {
                for (PdfLine line : page.lines()) {
                    chars += line.text().length();
                }
            }
            if (chars > limits.maxTextChars()) {
                throw new PdfPageCollector.TextLimitException(limits.maxTextChars());
            }
            return pages;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        } finally {
            // A failed, interrupted or finished parse leaves no reader behind.
            others.forEach(task -> task.cancel(true));
        }
    }

    private List<PdfPageCollector.CollectedPage> collectRange(PDDocument document, int first, int last)
            throws IOException {
        PdfPageCollector collector = new PdfPageCollector(limits.maxTextChars());
        collector.setStartPage(first);
        collector.setEndPage(last);
        collector.writeText(document, Writer.nullWriter());
        return collector.pages();
    }

    /** Replaces the pages whose text layer is missing or unusable by what OCR reads on them. */
    private void readScannedPages(PDDocument document, List<PdfPageCollector.CollectedPage> collected,
                                  List<Page> pages, DocumentOcr documentOcr) throws InterruptedException {
        if (!ocr.enabled()) {
            return;
        }
        PDFRenderer renderer = new PDFRenderer(document);
        List<DocumentOcr.PageRequest> requests = new ArrayList<>();
        for (PdfPageCollector.CollectedPage page : collected) {
            int pageIndex = page.number() - 1;
            if (TextLayerQuality.needsOcr(page.lines(), document.getPage(pageIndex))) {
                int dpi = renderDpi(page);
                requests.add(new DocumentOcr.PageRequest(page.number(), page.width(), page.height(), page.rotation(),
                        dpi, () -> renderer.renderImageWithDPI(pageIndex, dpi, ImageType.GRAY)));
            }
        }
        Map<Integer, PdfPageCollector.CollectedPage> read = documentOcr.readAll(requests);
        for (int i = 0; i < pages.size(); i++) {
            PdfPageCollector.CollectedPage page = read.get(pages.get(i).number());
            if (page != null) {
                pages.set(i, PdfBlockAssembler.assemble(List.of(page)).get(0));
            }
        }
    }

    /** The OCR resolution, lowered for a huge page so that its image stays within the render limit. */
    private int renderDpi(PdfPageCollector.CollectedPage page) {
        double points = Math.max(1.0, (double) page.width() * page.height());
        int fitting = (int) Math.floor(72.0 * Math.sqrt(limits.maxRenderPixels() / points));
        return Math.max(36, Math.min(ocr.dpi(), fitting));
    }

    /** Opens a PDF with memory bounded by the limits; PDFBox spills larger buffers to scratch files. */
    static PDDocument load(byte[] content, DocumentLimits limits) throws IOException {
        MemoryUsageSetting memory = MemoryUsageSetting.setupMixed(limits.pdfMainMemoryBytes(),
                limits.pdfMainMemoryBytes() + limits.pdfScratchBytes());
        return Loader.loadPDF(content, "", null, null, memory.streamCache);
    }

    private static String title(PDDocument document) {
        try {
            String title = document.getDocumentInformation().getTitle();
            return title == null || title.isBlank() ? null : title.strip();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Textless pages that OCR was not asked about (its own warnings cover the others). */
    private static List<String> warnings(List<Page> pages, DocumentOcr documentOcr) {
        List<Integer> textless = new ArrayList<>();
        for (Page page : pages) {
            if (page.blocks().isEmpty() && !documentOcr.attempted(page.number())) {
                textless.add(page.number());
            }
        }
        if (textless.isEmpty()) {
            return List.of();
        }
        return List.of("Page(s) " + ranges(textless) + " have no text layer; their text cannot be searched.");
    }

    /** "1-3, 7" for pages 1, 2, 3 and 7. */
    static String ranges(List<Integer> numbers) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < numbers.size()) {
            int j = i;
            while (j + 1 < numbers.size() && numbers.get(j + 1) == numbers.get(j) + 1) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(numbers.get(i));
            if (j > i) {
                sb.append('-').append(numbers.get(j));
            }
            i = j + 1;
        }
        return sb.toString();
    }

    private static String reason(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
