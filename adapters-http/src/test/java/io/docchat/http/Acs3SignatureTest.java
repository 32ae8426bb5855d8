package io.docchat.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test vector of the API contract, captured from the official Java SDK 4.5.1. */
class Acs3SignatureTest {
    static final String BODY = "{\"name\":\"sdk_session\",\"userId\":\"1233333\",\"folderId\":\"1a851c4a-1d65-11ef-99a7-ssfsfdd\"}";
    static final String BODY_SHA256 = "eda33a3428dd1f83ad75034d0ba3d1a6fdc01fa0964c23be648c661072cec3f3";
    static final String CANONICAL_SHA256 = "0386ff381bc305d94982751e796a0d96814d7bcc4f5fa317abee6f4f700e9c2b";
    static final String SIGNATURE = "1a79898fa1ca9c21b928f554b7f440f775e66c0c6052e39c5ea1543aae30c27e";
    static final String EXPECTED_CANONICAL = """
            POST
            /api/v2/aidoc/document/chat/session/create

            content-type:application/json; charset=utf-8
            host:127.0.0.1:18080
            x-acs-action:CreateChatSession
            x-acs-content-sha256:eda33a3428dd1f83ad75034d0ba3d1a6fdc01fa0964c23be648c661072cec3f3
            x-acs-credentials-provider:static_ak
            x-acs-date:2026-11-21T23:52:11Z
            x-acs-signature-nonce:76def21e24d05844387d37fe57dd8de7
            x-acs-version:2022-09-23

            content-type;host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version
            eda33a3428dd1f83ad75034d0ba3d1a6fdc01fa0964c23be648c661072cec3f3""";

    static Map<String, String> vectorHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json; charset=utf-8");
        headers.put("host", "127.0.0.1:18080");
        headers.put("x-acs-action", "CreateChatSession");
        headers.put("x-acs-content-sha256", BODY_SHA256);
        headers.put("x-acs-credentials-provider", "static_ak");
        headers.put("x-acs-date", "2026-11-21T23:52:11Z");
        headers.put("x-acs-signature-nonce", "76def21e24d05844387d37fe57dd8de7");
        headers.put("x-acs-version", "2022-09-23");
        return headers;
    }

    @Test
    void serverSideComputationReproducesTheVector() {
        assertThat(Acs3Signature.sha256Hex(BODY.getBytes(StandardCharsets.UTF_8))).isEqualTo(BODY_SHA256);
        String canonical = Acs3Signature.canonicalRequest("POST", "/api/v2/aidoc/document/chat/session/create", null,
                vectorHeaders(), List.copyOf(vectorHeaders().keySet()), BODY_SHA256);
        assertThat(canonical).isEqualTo(EXPECTED_CANONICAL);
        assertThat(Acs3Signature.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8))).isEqualTo(CANONICAL_SHA256);
        assertThat(Acs3Signature.signature("testAccessKeySecret", Acs3Signature.stringToSign(canonical)))
                .isEqualTo(SIGNATURE);
    }

    @Test
    void testClientSignerReproducesTheVector() {
        TestSigner.Signed signed = new TestSigner("testAccessKeyId", "testAccessKeySecret").sign("POST",
                "/api/v2/aidoc/document/chat/session/create", Map.of(), vectorHeaders(), BODY_SHA256);
        assertThat(signed.canonicalRequest()).isEqualTo(EXPECTED_CANONICAL);
        assertThat(signed.canonicalHash()).isEqualTo(CANONICAL_SHA256);
        assertThat(signed.signature()).isEqualTo(SIGNATURE);
    }

    @Test
    void aDifferentSecretGivesADifferentSignature() {
        String canonical = Acs3Signature.canonicalRequest("POST", "/api/v2/aidoc/document/chat/session/create", null,
                vectorHeaders(), List.copyOf(vectorHeaders().keySet()), BODY_SHA256);
        assertThat(Acs3Signature.signature("otherSecret", Acs3Signature.stringToSign(canonical)))
                .isNotEqualTo(SIGNATURE);
    }

    @Test
    void canonicalQueryDecodesReencodesAndSorts() {
        assertThat(Acs3Signature.canonicalQueryString("fileName=a+b%2A.pdf&folderId=x&empty=&z=%7E~*"))
                .isEqualTo("empty=&fileName=a%20b%2A.pdf&folderId=x&z=~~%2A");
        assertThat(Acs3Signature.canonicalQueryString("b=2&a=%E4%B8%AD"))
                .isEqualTo("a=%E4%B8%AD&b=2");
        assertThat(Acs3Signature.canonicalQueryString(null)).isEmpty();
    }

    @Test
    void serverAndTestSignerAgreeOnQueryEncoding() {
        Map<String, String> query = Map.of("fileName", "报告 (v2)*.pdf", "folderId", "abc", "fileUrl", "");
        String raw = "folderId=abc&fileName=" + java.net.URLEncoder.encode("报告 (v2)*.pdf", StandardCharsets.UTF_8)
                + "&fileUrl=";
        TestSigner.Signed signed = new TestSigner("k", "s").sign("POST", "/p", query, Map.of("host", "h"), "e3b0");
        String serverCanonical = Acs3Signature.canonicalRequest("POST", "/p", raw, Map.of("host", "h"),
                List.of("host"), "e3b0");
        assertThat(serverCanonical).isEqualTo(signed.canonicalRequest());
    }
}
