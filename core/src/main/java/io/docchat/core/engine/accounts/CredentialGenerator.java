package io.docchat.core.engine.accounts;

import java.security.SecureRandom;

/** Makes AccessKeyIds, AccessKeySecrets and bearer tokens: random letters and digits from a secure source. */
final class CredentialGenerator {
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final SecureRandom random;

    CredentialGenerator(SecureRandom random) {
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
