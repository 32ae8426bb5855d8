package io.docchat.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** A bearer token of an account; only the SHA-256 hex hash of the token is ever stored. */
public record BearerToken(String tokenHash, String accountId, String label, Instant createdAt) {

    /**
     * The hash stored for a token and looked up when it is presented: SHA-256 of its UTF-8 bytes, lowercase hex. Who
     * creates tokens and who checks them must agree on it, so it is defined once, here.
     */
    public static String hashOf(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
