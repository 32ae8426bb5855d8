package io.docchat.http;

import io.docchat.core.api.Accounts;
import io.docchat.core.model.AccessKey;
import io.docchat.core.model.Account;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides which account a request acts for: ACS3-HMAC-SHA256 signatures, ROA HMAC-SHA1 signatures, bearer tokens, or
 * nobody at all in local mode. Works in two steps so that an unknown key or a stale date is refused before the body is
 * read; the body hash, signature and nonce are checked once the body is in.
 */
final class Authenticator {
    static final Duration DATE_WINDOW = Duration.ofMinutes(15);
    // Not host: the async Java SDK's V3 signer leaves it out of SignedHeaders. The signature then does not bind the
    // request to this server's name, which the date window and the nonce still keep from being replayed.
    private static final List<String> REQUIRED_SIGNED = List.of(
            "x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final Accounts accounts;
    private final boolean localMode;
    private final StoredNonces nonces;
    private final Clock clock;

    Authenticator(Accounts accounts, boolean localMode, StoredNonces nonces, Clock clock) {
        this.accounts = accounts;
        this.localMode = localMode;
        this.nonces = nonces;
        this.clock = clock;
    }

    /** What is known about the caller before the body is read. */
    sealed interface Pending {
        /** The caller is known; the body plays no part. */
        record Resolved(String accountId) implements Pending {}

        /** A signed request whose body hash, signature and nonce remain to be checked. */
        record Signed(AccessKey key, String canonicalWithoutBody, String contentSha256, String signature,
                      String nonce) implements Pending {}

        /**
         * A ROA-signed request whose signature and nonce remain to be checked, and its {@code Content-MD5} (null
         * when not sent) against the body.
         */
        record RoaSigned(AccessKey key, String stringToSign, String signature, String contentMd5,
                         String nonce) implements Pending {}
    }

    /** Checks what can be checked from the request line and headers. */
    Pending begin(String method, String rawPath, String rawQuery, RequestHeaders headers) {
        if (localMode) {
            return new Pending.Resolved(Account.LOCAL);
        }
        String authorization = headers.first("Authorization");
        String bearer = headers.first("x-acs-bearer-token");
        if (bearer == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            bearer = authorization.substring(7).trim();
        }
        if (bearer != null) {
            return new Pending.Resolved(bearerAccount(bearer));
        }
        if (authorization == null || authorization.isBlank()) {
            throw new ApiException(401, "MissingAuthorization", "this server requires a signature or a bearer token");
        }
        if (authorization.startsWith(RoaSignature.SCHEME + " ")) {
            return beginRoa(method, rawPath, rawQuery, headers, authorization.substring(4).trim());
        }
        if (!authorization.startsWith(Acs3Signature.ALGORITHM + " ")) {
            throw new ApiException(401, "MissingAuthorization", "unsupported Authorization scheme; use "
                    + Acs3Signature.ALGORITHM + ", the ROA scheme (acs <AccessKeyId>:<signature>) or a bearer token");
        }
        Map<String, String> fields = authorizationFields(authorization.substring(Acs3Signature.ALGORITHM.length() + 1));
        String keyId = fields.get("Credential");
        String signedHeadersField = fields.get("SignedHeaders");
        String signature = fields.get("Signature");
        if (keyId == null || signedHeadersField == null || signature == null) {
            throw new ApiException(403, "SignatureDoesNotMatch",
                    "Authorization must carry Credential, SignedHeaders and Signature");
        }
        AccessKey key = accounts.accessKey(keyId).orElseThrow(() -> new ApiException(401,
                "InvalidAccessKeyId.NotFound", "the AccessKeyId is not known"));
        List<String> signedHeaders = Arrays.asList(signedHeadersField.toLowerCase(Locale.ROOT).split(";"));
        checkCoverage(headers, signedHeaders);
        checkDate(headers.first("x-acs-date"));

        Map<String, String> values = new HashMap<>();
        for (String name : signedHeaders) {
            List<String> all = headers.all(name);
            values.put(name, all == null ? "" : String.join(",", all));
        }
        String contentSha256 = headers.first("x-acs-content-sha256");
        String canonical = Acs3Signature.canonicalRequest(method, rawPath, rawQuery, values, signedHeaders, contentSha256);
        return new Pending.Signed(key, canonical, contentSha256, signature,
                keyId + ':' + headers.first("x-acs-signature-nonce"));
    }

    /** Completes the check with the body as received; returns the caller's account. */
    String finish(Pending pending, byte[] body) {
        if (pending instanceof Pending.Resolved resolved) {
            return resolved.accountId();
        }
        if (pending instanceof Pending.RoaSigned roa) {
            return finishRoa(roa, body);
        }
        Pending.Signed signed = (Pending.Signed) pending;
        if (!Acs3Signature.hexEquals(Acs3Signature.sha256Hex(body), signed.contentSha256())) {
            throw new ApiException(403, "SignatureDoesNotMatch", "x-acs-content-sha256 does not match the body received");
        }
        String expected = Acs3Signature.signature(signed.key().secret(),
                Acs3Signature.stringToSign(signed.canonicalWithoutBody()));
        if (!Acs3Signature.hexEquals(expected, signed.signature())) {
            throw new ApiException(403, "SignatureDoesNotMatch",
                    "the request signature does not match; check the AccessKeySecret and the signing steps");
        }
        claimNonce(signed.nonce());
        return signed.key().accountId();
    }

    private Pending beginRoa(String method, String rawPath, String rawQuery, RequestHeaders headers,
                             String credential) {
        int colon = credential.lastIndexOf(':');
        if (colon <= 0 || colon == credential.length() - 1) {
            throw new ApiException(403, "SignatureDoesNotMatch",
                    "the ROA Authorization must read acs <AccessKeyId>:<signature>");
        }
        String keyId = credential.substring(0, colon);
        AccessKey key = accounts.accessKey(keyId).orElseThrow(() -> new ApiException(401,
                "InvalidAccessKeyId.NotFound", "the AccessKeyId is not known"));
        String nonce = headers.first("x-acs-signature-nonce");
        if (nonce == null || nonce.isBlank()) {
            throw new ApiException(403, "SignatureDoesNotMatch", "the header x-acs-signature-nonce must be sent");
        }
        String signatureMethod = headers.first("x-acs-signature-method");
        if (signatureMethod != null && !signatureMethod.equalsIgnoreCase("HMAC-SHA1")) {
            throw new ApiException(403, "SignatureDoesNotMatch",
                    "the ROA scheme signs with HMAC-SHA1, not " + signatureMethod);
        }
        checkHttpDate(headers.first("date"));
        return new Pending.RoaSigned(key, RoaSignature.stringToSign(method, rawPath, rawQuery, headers),
                credential.substring(colon + 1), headers.first("content-md5"), keyId + ':' + nonce);
    }

    private String finishRoa(Pending.RoaSigned roa, byte[] body) {
        if (roa.contentMd5() != null
                && !RoaSignature.constantTimeEquals(RoaSignature.contentMd5(body), roa.contentMd5().trim())) {
            throw new ApiException(403, "SignatureDoesNotMatch", "Content-MD5 does not match the body received");
        }
        String expected = RoaSignature.signature(roa.key().secret(), roa.stringToSign());
        if (!RoaSignature.constantTimeEquals(expected, roa.signature())) {
            throw new ApiException(403, "SignatureDoesNotMatch",
                    "the request signature does not match; check the AccessKeySecret and the signing steps");
        }
        claimNonce(roa.nonce());
        return roa.key().accountId();
    }

    /** Only a verified request may spend a nonce, so garbage cannot fill the store. */
    private void claimNonce(String nonce) {
        if (!nonces.claim(nonce)) {
            throw new ApiException(403, "SignatureNonceUsed", "x-acs-signature-nonce was already used");
        }
    }

    private void checkHttpDate(String date) {
        Instant sent;
        try {
            sent = ZonedDateTime.parse(date == null ? "" : date.trim(), HTTP_DATE).toInstant();
        } catch (DateTimeParseException e) {
            throw new ApiException(403, "RequestTimeTooSkewed",
                    "the Date header must be an HTTP date such as Fri, 31 Jan 2025 12:00:00 GMT");
        }
        checkSkew(sent, "Date");
    }

    private String bearerAccount(String token) {
        if (token.isBlank()) {
            throw new ApiException(401, "InvalidAccessKeyId.NotFound", "the bearer token is not known");
        }
        return accounts.authenticateBearerToken(token).orElseThrow(() -> new ApiException(401,
                "InvalidAccessKeyId.NotFound", "the bearer token is not known"));
    }

    private static void checkCoverage(RequestHeaders headers, List<String> signedHeaders) {
        for (String required : REQUIRED_SIGNED) {
            if (!signedHeaders.contains(required) || headers.first(required) == null) {
                throw new ApiException(403, "SignatureDoesNotMatch", "the header " + required + " must be sent and signed");
            }
        }
        for (String name : headers.names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if ((lower.startsWith("x-acs-") || lower.equals("content-type")) && !signedHeaders.contains(lower)) {
                throw new ApiException(403, "SignatureDoesNotMatch", "the header " + lower + " must be signed");
            }
        }
        for (int i = 1; i < signedHeaders.size(); i++) {
            if (signedHeaders.get(i - 1).compareTo(signedHeaders.get(i)) >= 0) {
                throw new ApiException(403, "SignatureDoesNotMatch", "SignedHeaders must be sorted and distinct");
            }
        }
    }

    private void checkDate(String date) {
        Instant sent;
        try {
            sent = Instant.parse(date);
        } catch (DateTimeParseException e) {
            throw new ApiException(403, "RequestTimeTooSkewed", "x-acs-date must be an ISO-8601 UTC time such as 2025-01-31T12:00:00Z");
        }
        checkSkew(sent, "x-acs-date");
    }

    private void checkSkew(Instant sent, String header) {
        Duration skew = Duration.between(sent, clock.instant()).abs();
        if (skew.compareTo(DATE_WINDOW) > 0) {
            throw new ApiException(403, "RequestTimeTooSkewed",
                    header + " is more than 15 minutes from the server's time");
        }
    }

    /** {@code Credential=a,SignedHeaders=b,Signature=c} → a map; tolerant of spaces after commas. */
    private static Map<String, String> authorizationFields(String text) {
        Map<String, String> fields = new HashMap<>();
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                fields.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        return fields;
    }
}
