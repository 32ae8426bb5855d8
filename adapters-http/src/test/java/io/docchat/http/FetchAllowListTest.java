package io.docchat.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fileUrl allow-list compares scheme, host, port and path segments exactly, and refuses path tricks. */
class FetchAllowListTest {
    private final FetchAllowList list = new FetchAllowList(List.of("http://127.0.0.1:1859/files", "https://Docs.Example.com/shared/"));

    @ParameterizedTest
    @ValueSource(strings = {
        "http://127.0.0.1:1859/files/a.pdf",
        "http://127.0.0.1:1859/files/sub/dir/a.pdf?version=2",
        "http://127.0.0.1:1859/files",
        "https://docs.example.com/shared/report.docx",
        "https://docs.example.com:443/shared/report.docx",
        "HTTPS://DOCS.EXAMPLE.COM/shared/a%20b.txt"})
    void urlsUnderAnAllowedPrefixPass(String url) {
        assertThat(list.check(url)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://127.0.0.1:18598/files/a.pdf",
        "http://127.0.0.1:18599/files/a.pdf",
        "http://127.0.0.1/files/a.pdf",
        "http://127.0.0.1:1859/files2/a.pdf",
        "http://127.0.0.1:1859/filesystem",
        "https://127.0.0.1:1859/files/a.pdf",
        "http://127.0.0.1:1859/files/%2e%2e/secret.txt",
        "http://127.0.0.1:1859/files/%2E%2E/secret.txt",
        "http://127.0.0.1:1859/files/..%2fsecret.txt",
        "http://127.0.0.1:1859/files/%2fetc/passwd",
        "http://127.0.0.1:1859/files/../secret.txt",
        "http://127.0.0.1:1859/files/./a.pdf",
        "http://127.0.0.1:1859/files/a%5c..%5csecret",
        "http://user:pass@127.0.0.1:1859/files/a.pdf",
        "http://127.0.0.1:1859@evil.example/files/a.pdf",
        "http://docs.example.com/shared/report.docx",
        "https://docs.example.com.evil.example/shared/a",
        "https://docs.example.com:8443/shared/a",
        "file:///etc/passwd",
        "ftp://127.0.0.1:1859/files/a.pdf",
        "not a url",
        "http://127.0.0.1:1859/files/%zz"})
    void everythingElseIsRefused(String url) {
        assertThatThrownBy(() -> list.check(url)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo("InvalidParameter.FileUrl"));
    }

    @Test
    void aPrefixThatIsNotAPlainHttpUrlIsRefusedAtStart() {
        assertThatThrownBy(() -> new FetchAllowList(List.of("http://127.0.0.1/files/../")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FetchAllowList(List.of("/files"))).isInstanceOf(IllegalArgumentException.class);
    }
}
