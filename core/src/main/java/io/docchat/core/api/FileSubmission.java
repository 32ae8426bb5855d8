package io.docchat.core.api;

import java.util.Objects;

/** A file to submit: its name (which chooses the parser with its content) and its bytes. */
public record FileSubmission(String fileName, byte[] content) {
    public FileSubmission {
        Objects.requireNonNull(content, "content");
    }
}
