package io.docchat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.docchat.core.files.OwnerOnlyPermissions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory holds the database (with access-key secrets) and the users' documents: owner only. */
class DataHomeTest {
    @TempDir
    Path temp;

    @Test
    void theDataDirectoryIsCreatedForItsOwnerOnlyAndAnOpenOneIsTightened() throws Exception {
        assumeTrue(OwnerOnlyPermissions.supported(),
                "SKIPPED: this file system has no POSIX permissions, so file modes cannot be checked");
        DataHome fresh = new DataHome(temp.resolve("fresh")).create();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh.root()))).isEqualTo("rwx------");
        assertThat(fresh.index()).isDirectory();

        Path open = Files.createDirectory(temp.resolve("open"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        new DataHome(open).create();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(open))).isEqualTo("rwx------");
    }
}
