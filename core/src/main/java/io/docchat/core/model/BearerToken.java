package io.docchat.core.model;

import java.time.Instant;

/** A bearer token of an account; only the SHA-256 hex hash of the token is ever stored. */
public record BearerToken(String tokenHash, String accountId, String label, Instant createdAt) {}
