package io.docchat.documents;

import java.util.List;
import java.util.Optional;

/**
 * Refuses zip bombs before POI inflates anything, from the sizes the zip declares. POI's own ZipSecureFile checks
 * the real inflation as it reads, which catches files whose declared sizes lie.
 */
final class ZipGuard {

    /** Entries smaller than this are never suspicious, however well they compress. */
    private static final long SMALL_ENTRY = 256 * 1024;

    private ZipGuard() {}

    /** A reason to refuse the file, or empty when its declared sizes are within the limits. */
    static Optional<String> check(byte[] zip, DocumentLimits limits) {
        Optional<List<ZipDirectory.Entry>> entries = ZipDirectory.read(zip);
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        long total = 0;
        for (ZipDirectory.Entry entry : entries.get()) {
            long uncompressed = entry.uncompressedSize();
            if (uncompressed < 0) {
                continue;
            }
            total += uncompressed;
            if (uncompressed > SMALL_ENTRY
                    && (double) entry.compressedSize() / uncompressed < limits.minInflateRatio()) {
                return Optional.of("The file looks like a zip bomb: " + entry.name() + " expands from "
                        + entry.compressedSize() + " to " + uncompressed + " bytes.");
            }
        }
        if (total > limits.maxUncompressedBytes()) {
            return Optional.of("The file expands to " + total + " bytes; the limit is "
                    + limits.maxUncompressedBytes() + " bytes.");
        }
        return Optional.empty();
    }
}
