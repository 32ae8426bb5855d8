package io.docchat.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class NonceCacheTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };

    @Test
    void aNonceIsAcceptedOnceWithinTheWindowAndAgainAfterIt() {
        NonceCache cache = new NonceCache(clock, Duration.ofMinutes(30), 10);
        assertThat(cache.claim("a")).isTrue();
        assertThat(cache.claim("a")).isFalse();
        assertThat(cache.claim("b")).isTrue();
        now.addAndGet(Duration.ofMinutes(31).toMillis());
        assertThat(cache.claim("a")).isTrue();
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void aFullCacheRefusesRatherThanForgetting() {
        NonceCache cache = new NonceCache(clock, Duration.ofMinutes(30), 3);
        cache.claim("a");
        cache.claim("b");
        cache.claim("c");
        assertThatThrownBy(() -> cache.claim("d"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(429));
        assertThat(cache.claim("a")).isFalse();
        now.addAndGet(Duration.ofMinutes(31).toMillis());
        assertThat(cache.claim("d")).isTrue();
    }
}
