package io.docchat.documents;

import io.docchat.core.port.ParseFailure;
import io.docchat.core.port.ParseResult;
import java.util.Locale;
import java.util.Optional;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.OldFileFormatException;

/** Translates what POI throws into failures a person can read. */
final class OfficeFailures {

    static final String PASSWORD_PROTECTED = "The document is password-protected.";

    private OfficeFailures() {}

    /** Checks every parser does before opening a file. */
    static Optional<ParseResult> precheck(byte[] content, FileKind kind, DocumentLimits limits) {
        Optional<ParseResult> refused = limits.refuseEmptyOrTooLarge(content);
        if (refused.isPresent()) {
            return refused;
        }
        if (kind == FileKind.ENCRYPTED_OFFICE) {
            return Optional.of(ParseResult.failure(ParseFailure.ENCRYPTED, PASSWORD_PROTECTED));
        }
        if (ZipDirectory.hasZipMagic(content)) {
            Optional<String> bomb = ZipGuard.check(content, limits);
            if (bomb.isPresent()) {
                return Optional.of(ParseResult.failure(ParseFailure.LIMIT_EXCEEDED, bomb.get()));
            }
        }
        return Optional.empty();
    }

    static ParseResult of(Throwable e, String what) {
        if (e instanceof EncryptedDocumentException) {
            return ParseResult.failure(ParseFailure.ENCRYPTED, PASSWORD_PROTECTED);
        }
        if (e instanceof FlowPages.Interrupted) {
            return ParseResult.failure(ParseFailure.TIMEOUT,
                    "Parsing the " + what + " was stopped before it finished.");
        }
        if (e instanceof FlowPages.TextLimitExceeded) {
            return ParseResult.failure(ParseFailure.LIMIT_EXCEEDED, e.getMessage());
        }
        if (e instanceof OldFileFormatException) {
            return ParseResult.failure(ParseFailure.UNSUPPORTED_TYPE,
                    "The " + what + " is in a format older than Office 97, which is not supported.");
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("zip bomb") || message.contains("max entry size")
                    || message.contains("exceeds the maximum")) {
                return ParseResult.failure(ParseFailure.LIMIT_EXCEEDED,
                        "The " + what + " expands to more data than allowed (a zip bomb?).");
            }
            if (t instanceof EncryptedDocumentException) {
                return ParseResult.failure(ParseFailure.ENCRYPTED, PASSWORD_PROTECTED);
            }
        }
        String message = e.getMessage();
        return ParseResult.failure(ParseFailure.CORRUPT, "The " + what + " is damaged or not what its name says: "
                + (message == null || message.isBlank() ? e.getClass().getSimpleName() : message));
    }
}
