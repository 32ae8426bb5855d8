package io.docchat.core.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Keeps what docchat writes readable by its owner only: the database holds access-key secrets and the stored files
 * are the users' documents. Directories get {@code rwx------} (0700), files {@code rw-------} (0600). On a file system
 * without POSIX permissions (Windows) nothing is changed: its default ACLs already belong to the user.
 */
public final class OwnerOnlyPermissions {
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyPermissions() {}

    /** True when the default file system has POSIX permissions, so that the methods below change anything. */
    public static boolean supported() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Creates the directory (and missing parents) if needed, and makes it 0700. */
    public static Path directory(Path directory) {
        try {
            Files.createDirectories(directory);
            if (supported()) {
                Files.setPosixFilePermissions(directory, DIRECTORY);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict " + directory + " to its owner: " + e.getMessage(), e);
        }
    }

    /** Creates the file empty with 0600 if it is missing, or makes the existing file 0600. */
    public static Path file(Path file) {
        try {
            if (!supported()) {
                return file;
            }
            if (Files.notExists(file)) {
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // Created meanwhile by another opener: restricted below like any existing file.
                }
            }
            Files.setPosixFilePermissions(file, FILE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict " + file + " to its owner: " + e.getMessage(), e);
        }
    }

    /** Makes the file 0600 if it exists. */
    public static void fileIfPresent(Path file) {
        if (Files.exists(file)) {
            file(file);
        }
    }
}
