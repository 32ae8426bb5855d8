package io.docchat.documents;

/** What a file really is, judged by its bytes. */
enum FileKind {
    PDF,
    DOC,
    DOCX,
    XLS,
    XLSX,
    HTML,
    /** An OLE2 or zip container holding an encrypted Office document. */
    ENCRYPTED_OFFICE,
    /** Nothing recognisable: the file name decides. */
    UNKNOWN
}
