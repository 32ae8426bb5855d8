package io.docchat.core.port;

import java.util.Optional;

/** Draws a page of an original file as an image whose pixels match the line boxes scaled by {@code scale}. */
public interface PageRenderer {

    /** True when this renderer can draw pages of this kind of file. */
    boolean accepts(String fileName, byte[] content);

    /**
     * A PNG of the 1-based page, drawn at {@code scale} pixels per page unit; empty if the page does not exist.
     *
     * @throws io.docchat.core.DocChatException {@code PAYLOAD_TOO_LARGE} when the image would be larger than the
     *                                          renderer allows (a page with a huge MediaBox)
     */
    Optional<byte[]> renderPng(String fileName, byte[] content, int pageNumber, float scale);
}
