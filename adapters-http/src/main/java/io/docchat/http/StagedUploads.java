package io.docchat.http;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * [ext] Files uploaded ahead of SubmitDocParsingTask, for SDK users: the generated SubmitDocParsingTask sends only
 * query parameters, so the file goes first to {@code POST /api/v2/aidoc/document/upload} and the {@code fileUrl} given
 * back, a URL on this server, is then always accepted by SubmitDocParsingTask (read here, never fetched over the
 * network). A staged file belongs to the account that uploaded it, is used once, and is dropped after
 * {@link #TTL}. The staged bytes are held in memory, up to a total; beyond it uploads are refused with 429.
 */
final class StagedUploads {
    static final String PATH = "/api/v2/aidoc/document/upload";
    static final Duration TTL = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final long maxTotalBytes;
    private final List<String> bases;
    // Insertion order equals expiry order, because every entry lives equally long.
    private final LinkedHashMap<String, Staged> byToken = new LinkedHashMap<>();
    private long totalBytes;

    private record Staged(String accountId, byte[] bytes, Instant expiresAt) {}

    /**
     * @param bases the bases this server is reached at (the public base URL and the bound address): a fileUrl under
     *              any of them followed by {@link #PATH} is a staged upload
     */
    StagedUploads(Clock clock, long maxTotalBytes, List<String> bases) {
        this.clock = clock;
        this.maxTotalBytes = maxTotalBytes;
        this.bases = List.copyOf(bases);
    }

    /** Keeps the file for the account and returns the fileUrl that names it. */
    synchronized String stage(String accountId, byte[] bytes) {
        if (bytes.length == 0) {
            throw new ApiException(400, "InvalidParameter.File",
                    "the file is empty: the request body must carry its bytes");
        }
        pruneExpired();
        if (totalBytes + bytes.length > maxTotalBytes) {
            throw ApiException.throttled("staged uploads wait for SubmitDocParsingTask; submit or let them expire "
                    + "before staging more", ApiException.INGEST_RETRY_AFTER_SECONDS);
        }
        byte[] raw = new byte[16];
        RANDOM.nextBytes(raw);
        String token = HexFormat.of().formatHex(raw);
        byToken.put(token, new Staged(accountId, bytes, clock.instant().plus(TTL)));
        totalBytes += bytes.length;
        return bases.get(0) + PATH + "/" + token;
    }

    /** True when the URL names a staged upload of this server (known or not). */
    boolean names(String fileUrl) {
        return token(fileUrl).isPresent();
    }

    /**
     * Takes the staged file (it can be used once).
     *
     * @throws ApiException 400 {@code InvalidParameter.FileUrl} when it is unknown, expired or another account's
     */
    synchronized byte[] take(String accountId, String fileUrl) {
        pruneExpired();
        String token = token(fileUrl).orElseThrow();
        Staged staged = byToken.get(token);
        if (staged == null || !staged.accountId().equals(accountId)) {
            throw ApiException.invalid("fileUrl", "names no staged upload of this account (used already, or expired "
                    + "after " + TTL.toMinutes() + " minutes)");
        }
        byToken.remove(token);
        totalBytes -= staged.bytes().length;
        return staged.bytes();
    }

    private Optional<String> token(String fileUrl) {
        for (String base : bases) {
            String prefix = base + PATH + "/";
            if (fileUrl.startsWith(prefix)) {
                String token = fileUrl.substring(prefix.length());
                if (token.matches("[0-9a-f]{32}")) {
                    return Optional.of(token);
                }
            }
        }
        return Optional.empty();
    }

    private void pruneExpired() {
        Instant now = clock.instant();
        Iterator<Map.Entry<String, Staged>> oldest = byToken.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<String, Staged> entry = oldest.next();
            if (entry.getValue().expiresAt().isAfter(now)) {
                break;
            }
            totalBytes -= entry.getValue().bytes().length;
            oldest.remove();
        }
    }
}
