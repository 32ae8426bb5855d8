package io.docchat.cli.commands;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Generates access keys and bearer tokens, and hashes tokens the way the server looks them up. */
final class Credentials {
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final SecureRandom random;

    Credentials(SecureRandom random) {
        this.random = random;
    }

    String accessKeyId() {
        return "DCAK" + randomText(20);
    }

    String accessKeySecret() {
        return randomText(40);
    }

    String bearerToken() {
        return "dct_" + randomText(43);
    }

    /** SHA-256 of the token's UTF-8 bytes, lowercase hex: only this is stored. */
    static String hash(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private String randomText(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
