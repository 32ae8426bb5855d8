package io.docchat.documents;

import io.docchat.core.port.ParseFailure;
import io.docchat.core.port.ParseResult;
import java.util.Optional;

/**
 * Resource limits every parser and the page renderer respect, so that one hostile or oversized file cannot exhaust
 * memory, disk or time for everything else in the process.
 *
 * @param maxFileBytes          files larger than this are refused as too large
 * @param maxPages              documents with more pages (PDF) or sheets (Excel) are refused
 * @param maxTextChars          extraction stops with a failure once this much text was read
 * @param minInflateRatio       a zip entry compressed better than this ratio (compressed / uncompressed) is a zip
 *                              bomb; POI's own default is 0.01
 * @param maxUncompressedBytes  the total uncompressed size allowed for the entries of an Office (zip) file
 * @param pdfMainMemoryBytes    how much heap PDFBox may use for a document's buffers before spilling to scratch files
 * @param pdfScratchBytes       the most scratch-file space PDFBox may use for one document
 * @param wordPageChars         Word and HTML text without explicit page breaks is split into pages of about this size
 * @param maxRenderPixels       the largest page image (width times height) the renderer will draw
 */
public record DocumentLimits(
        long maxFileBytes,
        int maxPages,
        long maxTextChars,
        double minInflateRatio,
        long maxUncompressedBytes,
        long pdfMainMemoryBytes,
        long pdfScratchBytes,
        int wordPageChars,
        long maxRenderPixels) {

    public DocumentLimits {
        requirePositive(maxFileBytes, "maxFileBytes");
        requirePositive(maxPages, "maxPages");
        requirePositive(maxTextChars, "maxTextChars");
        if (!(minInflateRatio > 0 && minInflateRatio < 1)) {
            throw new IllegalArgumentException("minInflateRatio must be between 0 and 1, was " + minInflateRatio);
        }
        requirePositive(maxUncompressedBytes, "maxUncompressedBytes");
        requirePositive(pdfMainMemoryBytes, "pdfMainMemoryBytes");
        requirePositive(pdfScratchBytes, "pdfScratchBytes");
        requirePositive(wordPageChars, "wordPageChars");
        requirePositive(maxRenderPixels, "maxRenderPixels");
    }

    /** Limits that suit a server handling ordinary office documents and books. */
    public static DocumentLimits defaults() {
        return new DocumentLimits(
                200L * 1024 * 1024,
                5_000,
                50_000_000L,
                0.01,
                1024L * 1024 * 1024,
                64L * 1024 * 1024,
                2L * 1024 * 1024 * 1024,
                3_000,
                60_000_000L);
    }

    /** A copy with another page limit. */
    public DocumentLimits withMaxPages(int pages) {
        return new DocumentLimits(maxFileBytes, pages, maxTextChars, minInflateRatio, maxUncompressedBytes,
                pdfMainMemoryBytes, pdfScratchBytes, wordPageChars, maxRenderPixels);
    }

    /** A copy with another file size limit. */
    public DocumentLimits withMaxFileBytes(long bytes) {
        return new DocumentLimits(bytes, maxPages, maxTextChars, minInflateRatio, maxUncompressedBytes,
                pdfMainMemoryBytes, pdfScratchBytes, wordPageChars, maxRenderPixels);
    }

    /** A copy with another limit on the total uncompressed size of an Office file's entries. */
    public DocumentLimits withMaxUncompressedBytes(long bytes) {
        return new DocumentLimits(maxFileBytes, maxPages, maxTextChars, minInflateRatio, bytes,
                pdfMainMemoryBytes, pdfScratchBytes, wordPageChars, maxRenderPixels);
    }

    /** The failure of a file that is empty or over the size limit: every parser refuses those before opening them. */
    Optional<ParseResult> refuseEmptyOrTooLarge(byte[] content) {
        if (content == null || content.length == 0) {
            return Optional.of(ParseResult.failure(ParseFailure.EMPTY, "The file is empty."));
        }
        if (content.length > maxFileBytes) {
            return Optional.of(ParseResult.failure(ParseFailure.TOO_LARGE,
                    "The file is " + content.length + " bytes; the limit is " + maxFileBytes + " bytes."));
        }
        return Optional.empty();
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
