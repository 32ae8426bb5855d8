package io.docchat.core.port;

/** The outcome of parsing a file: a document, or a typed failure with a reason a person can read. */
public sealed interface ParseResult {
    record Success(ParsedDocument document) implements ParseResult {}

    record Failure(ParseFailure kind, String message) implements ParseResult {}

    static ParseResult success(ParsedDocument document) {
        return new Success(document);
    }

    static ParseResult failure(ParseFailure kind, String message) {
        return new Failure(kind, message);
    }
}
