package io.docchat.cli.commands;

import java.security.SecureRandom;

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


    private String randomText(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
