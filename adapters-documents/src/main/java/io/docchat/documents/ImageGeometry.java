package io.docchat.documents;

/**
 * The page units of an image page: PDF points at the resolution the file states, so that a 300-dpi scan of a Letter
 * page measures 612 by 792 like the PDF of that page; one unit per pixel when the file states no resolution.
 */
final class ImageGeometry {

    private ImageGeometry() {}

    /** Page units per image pixel for a stated resolution (0 = none stated). */
    static float unitsPerPixel(float dpi) {
        return dpi > 0 ? 72f / dpi : 72f / ImageFrames.UNKNOWN_DPI;
    }
}
