package io.docchat.documents;

import io.docchat.core.model.Page;
import io.docchat.core.port.ParseFailure;
import io.docchat.core.port.ParseResult;
import io.docchat.core.port.ParsedDocument;
import io.docchat.core.port.DocumentParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
            List<Page> pages = new ArrayList<>(count);
            for (int index = 0; index < count; index++) {
                pages.add(page(frames, index, documentOcr));
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

    private Page page(ImageFrames frames, int index, DocumentOcr documentOcr) throws IOException, InterruptedException {
        int pixelsWide = frames.width(index);
        int pixelsHigh = frames.height(index);
        long pixels = (long) pixelsWide * pixelsHigh;
        if (pixels > limits.maxRenderPixels()) {
            throw new PixelLimitException("Page " + (index + 1) + " of the image is " + pixelsWide + " x " + pixelsHigh
                    + " pixels; the limit is " + limits.maxRenderPixels() + " pixels.");
        }
        float dpi = frames.dpi(index);
        float unit = ImageGeometry.unitsPerPixel(dpi);
        float width = pixelsWide * unit;
        float height = pixelsHigh * unit;
        int number = index + 1;
        // Decoded even when OCR will not run, so that a damaged file fails instead of passing as a blank page.
        BufferedImage image = frames.read(index);
        Optional<PdfPageCollector.CollectedPage> read = documentOcr.read(number, width, height, 0,
                Math.round(dpi), () -> image);
        if (read.isEmpty()) {
            return new Page(number, width, height, 0, List.of());
        }
        return PdfBlockAssembler.assemble(List.of(read.get())).get(0);
    }

    /** An image page is larger than the pixel limit. */
    private static final class PixelLimitException extends IOException {
        PixelLimitException(String message) {
            super(message);
        }
    }
}
