package io.docchat.core.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;

/**
 * What a class-path resource is, cheaply: its uncompressed size and CRC-32. For a resource in a jar both come from
 * the jar's directory, so nothing is inflated; anywhere else the resource is read once. Adapters keep verified copies
 * of resources in a cache directory with {@link #keepIn} (native libraries a library would otherwise copy to a
 * temporary file at every start).
 *
 * @param name the resource's name on the class path
 * @param url  where the class loader found it
 * @param size its uncompressed length in bytes
 * @param crc  the CRC-32 of its bytes
 */
public record ClassPathResource(String name, URL url, long size, long crc) {
    private static final String TEMPORARY_SUFFIX = ".tmp";

    /** The resource as the given class loader sees it, wherever it is, or null when it is not on its class path. */
    public static ClassPathResource find(ClassLoader loader, String name) throws IOException {
        URL url = loader.getResource(name);
        if (url == null) {
            return null;
        }
        URLConnection connection = url.openConnection();
        ClassPathResource inJar = fromJarEntry(name, url, connection);
        if (inJar != null) {
            return inJar;
        }
        try (InputStream in = connection.getInputStream()) {
            Checksum read = Checksum.of(in);
            return new ClassPathResource(name, url, read.size(), read.crc());
        }
    }

    /**
     * The resource when the class loader finds it in a jar whose directory records its size and CRC-32, else null.
     */
    public static ClassPathResource findInJar(ClassLoader loader, String name) throws IOException {
        URL url = loader.getResource(name);
        return url == null ? null : fromJarEntry(name, url, url.openConnection());
    }

    private static ClassPathResource fromJarEntry(String name, URL url, URLConnection connection) throws IOException {
        if (connection instanceof JarURLConnection jar) {
            JarEntry entry = jar.getJarEntry();
            if (entry != null && entry.getSize() >= 0 && entry.getCrc() >= 0) {
                return new ClassPathResource(name, url, entry.getSize(), entry.getCrc());
            }
        }
        return null;
    }

    /** The resource's bytes. */
    public InputStream open() throws IOException {
        return url.openStream();
    }

    /** Size and checksum in a form fit for a file name. */
    public String fingerprint() {
        return Long.toHexString(size) + "-" + String.format("%08x", crc);
    }

    /** The last part of the resource's name, with any character unfit for a file name replaced by {@code _}. */
    public String fileName() {
        String last = name.substring(name.lastIndexOf('/') + 1);
        return last.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /**
     * The file in {@code directory} under {@link #fileName()} holding exactly this resource's bytes: verified (size
     * and CRC-32) when it is there, and copied now when it is missing or different, through a temporary file moved
     * into place, so a reader sees a whole file or none. The directory is created when needed.
     *
     * @throws IOException when the directory cannot be written, or the resource reads differently from its identity
     */
    public Path keepIn(Path directory) throws IOException {
        Path file = directory.resolve(fileName());
        if (!matches(file)) {
            Files.createDirectories(directory);
            copyTo(file);
        }
        return file;
    }

    /**
     * Moves {@code from} onto {@code to}, replacing it, atomically where the file system can (elsewhere by a plain
     * move).
     */
    public static void moveIntoPlace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** True when the file holds exactly the resource's bytes. */
    private boolean matches(Path file) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) != size) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Checksum.of(in).crc() == crc;
        }
    }

    /** The length and CRC-32 of a stream's bytes, read to its end. */
    private record Checksum(long size, long crc) {
        static Checksum of(InputStream in) throws IOException {
            CRC32 crc = new CRC32();
            long size = 0;
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
                size += n;
            }
            return new Checksum(size, crc.getValue());
        }
    }

    private void copyTo(Path file) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName() + ".", TEMPORARY_SUFFIX);
        try {
            CRC32 copied = new CRC32();
            try (InputStream in = open(); OutputStream out = Files.newOutputStream(temporary)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    copied.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            if (copied.getValue() != crc || Files.size(temporary) != size) {
                throw new IOException(name + " read differently from its jar entry");
            }
            moveIntoPlace(temporary, file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
