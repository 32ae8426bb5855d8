package io.docchat.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignedUrlsTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static SignedUrls at(Instant now) {
        return new SignedUrls(KEY, Duration.ofHours(24), Clock.fixed(now, ZoneOffset.UTC), "http://h:1");
    }

    @Test
    void aFreshUrlVerifiesAndNamesItsTarget() {
        URI file = URI.create(at(NOW).documentFile("acme corp", 42, "手册 a+b.pdf"));
        assertThat(file.getRawPath()).startsWith("/files/acme%20corp/42/");
        SignedUrls.Target target = at(NOW).verify(file.getRawPath(), file.getRawQuery());
        assertThat(target).isEqualTo(new SignedUrls.Target.File("acme corp", 42));

        URI page = URI.create(at(NOW).pageImage("acme", 7, 3));
        assertThat(at(NOW.plus(Duration.ofHours(23))).verify(page.getRawPath(), page.getRawQuery()))
                .isEqualTo(new SignedUrls.Target.PageImage("acme", 7, 3));
    }

    @Test
    void anExpiredUrlIsRefused() {
        URI page = URI.create(at(NOW).pageImage("acme", 7, 3));
        assertThatThrownBy(() -> at(NOW.plus(Duration.ofHours(25))).verify(page.getRawPath(), page.getRawQuery()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void alteringTheAccountDocumentPageOrExpiryIsRefused() {
        URI page = URI.create(at(NOW).pageImage("acme", 7, 3));
        String path = page.getRawPath();
        String query = page.getRawQuery();
        for (String[] altered : new String[][] {
                {path.replace("/acme/", "/other/"), query},
                {path.replace("/7/", "/8/"), query},
                {path.replace("/3.png", "/4.png"), query},
                {path, query.replaceFirst("expires=(\\d+)", "expires=99999999999")},
                {path, query.replaceFirst("&signature=.*", "")}}) {
            assertThatThrownBy(() -> at(NOW).verify(altered[0], altered[1]))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
        }
    }

    @Test
    void anotherServerKeyDoesNotVerify() {
        URI file = URI.create(at(NOW).documentFile("acme", 1, "a.txt"));
        SignedUrls other = new SignedUrls("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII),
                Duration.ofHours(24), Clock.fixed(NOW, ZoneOffset.UTC), "http://h:1");
        assertThatThrownBy(() -> other.verify(file.getRawPath(), file.getRawQuery()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("SignatureDoesNotMatch"));
    }
}
