package io.docchat.documents;

/** What a file really is, judged by its bytes. */
enum FileKind {
    PDF,
    DOC,
    DOCX,
    XLS,
    XLSX,
    HTML,
    PNG,
    JPEG,
    /** TIFF, possibly with several pages. */
    TIFF,
    /** An OLE2 or zip container holding an encrypted Office document. */
    ENCRYPTED_OFFICE,
    /** Nothing recognisable: the file name decides. */
    UNKNOWN;

    /** True for the raster image formats read as scanned pages. */
    boolean isImage() {
        return this == PNG || this == JPEG || this == TIFF;
    }
}
