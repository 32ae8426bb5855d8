package io.docchat.core.model;

import java.util.List;

/** A cited page with its size (page units, as displayed), rotation and the cited lines on it. */
public record CitedPage(int pageNumber, float width, float height, int rotation, List<CitedLine> lines) {
    public CitedPage {
        lines = List.copyOf(lines);
    }
}
