package io.docchat.documents;

import io.docchat.core.model.Page;
import io.docchat.core.port.DocumentParser;
import io.docchat.core.port.ParseFailure;
import io.docchat.core.port.ParseResult;
import io.docchat.core.port.ParsedDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads PNG, JPEG and TIFF files (every page of a multi-page TIFF) as scanned pages: each image is one page, read by
 * OCR like a PDF page without a text layer. Page units are PDF points at the image's stated resolution (see
 * {@link ImageGeometry}); without Tesseract the document still completes, with textless pages and a warning.
 */
public final class ImageParser implements DocumentParser {

    private static final Logger LOG = LoggerFactory.getLogger(ImageParser.class);

    private final DocumentLimits limits;
    private final OcrSettings ocr;
    private final TesseractCommand tesseract;
    private final OcrProgress progress;

    public ImageParser(DocumentLimits limits, OcrSettings ocr) {
        this(limits, ocr, new OcrProgress());
    }

    /** @param progress counts the pages read by OCR, for progress displays */
    public ImageParser(DocumentLimits limits, OcrSettings ocr, OcrProgress progress) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.ocr = Objects.requireNonNull(ocr, "ocr");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.tesseract = new TesseractCommand(ocr.command());
    }

    @Override
    public boolean accepts(String fileName, byte[] content) {
        return ContentSniffer.kindOf(fileName, content).isImage();
    }

    @Override
    public ParseResult parse(String fileName, byte[] content) {
        Optional<ParseResult> refused = limits.refuseEmptyOrTooLarge(content);
        if (refused.isPresent()) {
            return refused.get();
        }
        try (ImageFrames frames = ImageFrames.open(content)) {
            int count = frames.count();
            if (count == 0) {
                return ParseResult.failure(ParseFailure.EMPTY, "The image file holds no image.");
            }
            if (count > limits.maxPages()) {
                return ParseResult.failure(ParseFailure.LIMIT_EXCEEDED,
                        "The image file has " + count + " pages; the limit is " + limits.maxPages() + ".");
            }
            DocumentOcr documentOcr = new DocumentOcr(ocr, tesseract, progress);
            List<Page> blank = new ArrayList<>(count);
            List<DocumentOcr.PageRequest> requests = new ArrayList<>(count);
            for (int index = 0; index < count; index++) {
                Page page = blankPage(frames, index);
                blank.add(page);
                int frame = index;
                requests.add(new DocumentOcr.PageRequest(page.number(), page.width(), page.height(), 0,
                        Math.round(frames.dpi(index)), () -> frames.read(frame)));
            }
            Map<Integer, PdfPageCollector.CollectedPage> read = documentOcr.readAll(requests);
            List<Page> pages = new ArrayList<>(count);
            for (Page page : blank) {
                PdfPageCollector.CollectedPage ocr = read.get(page.number());
                if (ocr == null) {
                    // Decoded even when OCR did not read it, so that a damaged file fails instead of passing blank.
                    frames.read(page.number() - 1).flush();
                    pages.add(page);
                } else {
                    pages.add(PdfBlockAssembler.assemble(List.of(ocr)).get(0));
                }
            }
            return ParseResult.success(new ParsedDocument(null, pages, documentOcr.warnings()));
        } catch (PixelLimitException e) {
            return ParseResult.failure(ParseFailure.LIMIT_EXCEEDED, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ParseResult.failure(ParseFailure.TIMEOUT, "Reading the image was stopped before it finished.");
        } catch (IOException | RuntimeException e) {
            LOG.debug("Unreadable image {}", fileName, e);
            return ParseResult.failure(ParseFailure.CORRUPT, "The image is damaged or of an unsupported kind: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (OutOfMemoryError e) {
            return ParseResult.failure(ParseFailure.LIMIT_EXCEEDED, "The image needs more memory than allowed.");
        }
    }

    /** The page's geometry without text; refuses a page over the pixel limit before decoding it. */
    private Page blankPage(ImageFrames frames, int index) throws IOException {
        int pixelsWide = frames.width(index);
        int pixelsHigh = frames.height(index);
        long pixels = (long) pixelsWide * pixelsHigh;
        if (pixels > limits.maxRenderPixels()) {
            throw new PixelLimitException("Page " + (index + 1) + " of the image is " + pixelsWide + " x " + pixelsHigh
                    + " pixels; the limit is " + limits.maxRenderPixels() + " pixels.");
        }
        float unit = ImageGeometry.unitsPerPixel(frames.dpi(index));
        return new Page(index + 1, pixelsWide * unit, pixelsHigh * unit, 0, List.of());
    }

    /** An image page is larger than the pixel limit. */
    private static final class PixelLimitException extends IOException {
        PixelLimitException(String message) {
            super(message);
        }
    }
}
