package io.docchat.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;

/**
 * What a class-path resource is, cheaply: its uncompressed size and CRC-32. For a resource in a jar both come from
 * the jar's directory, so nothing is inflated; anywhere else the resource is read once.
 *
 * @param name the resource's name on the class path
 * @param url  where the class loader found it
 * @param size its uncompressed length in bytes
 * @param crc  the CRC-32 of its bytes
 */
record ResourceIdentity(String name, URL url, long size, long crc) {

    /** The resource as the given class loader sees it, or null when it is not on its class path. */
    static ResourceIdentity of(ClassLoader loader, String name) throws IOException {
        URL url = loader.getResource(name);
        if (url == null) {
            return null;
        }
        URLConnection connection = url.openConnection();
        if (connection instanceof JarURLConnection jar) {
            JarEntry entry = jar.getJarEntry();
            if (entry != null && entry.getSize() >= 0 && entry.getCrc() >= 0) {
                return new ResourceIdentity(name, url, entry.getSize(), entry.getCrc());
            }
        }
        CRC32 crc = new CRC32();
        long size = 0;
        try (InputStream in = connection.getInputStream()) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
                size += n;
            }
        }
        return new ResourceIdentity(name, url, size, crc.getValue());
    }

    /** The resource's bytes. */
    InputStream open() throws IOException {
        return url.openStream();
    }

    /** Size and checksum in a form fit for a file name. */
    String fingerprint() {
        return Long.toHexString(size) + "-" + String.format("%08x", crc);
    }
}
