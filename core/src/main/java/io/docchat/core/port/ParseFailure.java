package io.docchat.core.port;

/** Why a file could not be parsed. */
public enum ParseFailure {
    EMPTY,
    CORRUPT,
    ENCRYPTED,
    UNSUPPORTED_TYPE,
    TOO_LARGE,
    /** A resource limit such as a page count or decompression ratio (zip bomb) was exceeded. */
    LIMIT_EXCEEDED,
    TIMEOUT
}
