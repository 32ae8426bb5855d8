package io.docchat.core.engine.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenHashTest {

    @Test
    void theStoredHashIsTheSha256HexOfTheTokensUtf8Bytes() {
        // FIPS 180-2 test vector for "abc".
        assertThat(TokenHash.of("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(TokenHash.of("令牌")).hasSize(64).isNotEqualTo(TokenHash.of("令"));
    }
}
