package io.docchat.core.model;

import java.time.Instant;

/** A tenant. Every folder, document, session and chat item belongs to exactly one account. */
public record Account(String id, String name, Instant createdAt) {
    /** The implicit account of an embedded instance or of a server in local mode. */
    public static final String LOCAL = "local";
}
