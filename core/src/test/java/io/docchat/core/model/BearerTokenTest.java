package io.docchat.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerTokenTest {

    @Test
    void theStoredHashIsTheSha256HexOfTheTokensUtf8Bytes() {
        // FIPS 180-2 test vector for "abc".
        assertThat(BearerToken.hashOf("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(BearerToken.hashOf("令牌")).hasSize(64).isNotEqualTo(BearerToken.hashOf("令"));
    }
}
