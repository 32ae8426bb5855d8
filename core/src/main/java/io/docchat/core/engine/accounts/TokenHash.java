package io.docchat.core.engine.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash under which a bearer token is stored and looked up: SHA-256 of its UTF-8 bytes, lowercase hex. Issuing and
 * checking both happen in {@link AccountService}, so there is one definition.
 */
final class TokenHash {
    private TokenHash() {}

    static String of(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
