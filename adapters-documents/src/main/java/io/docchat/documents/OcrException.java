package io.docchat.documents;

import java.io.IOException;

/** Tesseract could not read a page: it is missing, it ran too long, or it failed. */
final class OcrException extends IOException {

    /** Why the page was not read. */
    enum Reason {
        /** The command cannot be started or the language data is missing: nothing will be read. */
        UNAVAILABLE,
        /** The page took longer than allowed; the process was killed. */
        TIMEOUT,
        /** The process ended with an error on this page. */
        FAILED
    }

    private final Reason reason;

    OcrException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    OcrException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
