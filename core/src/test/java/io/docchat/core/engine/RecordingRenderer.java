package io.docchat.core.engine;

import io.docchat.core.port.PageRenderer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Draws pages of {@code *.ledger} files as a fake one-page image naming the page and scale it was asked for. */
final class RecordingRenderer implements PageRenderer {

    @Override
    public boolean accepts(String fileName, byte[] content) {
        return fileName.endsWith(".ledger");
    }

    @Override
    public Optional<byte[]> renderPng(String fileName, byte[] content, int pageNumber, float scale) {
        if (pageNumber != 1) {
            return Optional.empty();
        }
        return Optional.of(("page " + pageNumber + " at " + scale).getBytes(StandardCharsets.UTF_8));
    }
}
