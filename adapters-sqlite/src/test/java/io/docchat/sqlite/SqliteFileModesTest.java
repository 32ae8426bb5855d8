package io.docchat.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.docchat.core.files.OwnerOnlyPermissions;
import io.docchat.core.model.Account;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database holds access-key secrets: its directory, file, WAL and shared-memory file are the owner's only. */
class SqliteFileModesTest {
    @TempDir
    Path temp;

    @BeforeEach
    void posixOnly() {
        assumeTrue(OwnerOnlyPermissions.supported(),
                "SKIPPED: this file system has no POSIX permissions, so file modes cannot be checked");
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aNewDatabaseAndItsCompanionFilesAreOwnerOnly() throws Exception {
        Path file = temp.resolve("home").resolve("docchat.db");
        try (SqliteDatabase db = SqliteDatabase.open(file)) {
            db.accountStore().insertAccount(new Account("acme", "Acme", Instant.now()));
            assertThat(mode(file.getParent())).isEqualTo("rwx------");
            assertThat(mode(file)).isEqualTo("rw-------");
            assertThat(mode(Path.of(file + "-wal"))).isEqualTo("rw-------");
            assertThat(mode(Path.of(file + "-shm"))).isEqualTo("rw-------");
        }
    }

    @Test
    void anExistingDatabaseReadableByOthersIsTightenedWhenOpened() throws Exception {
        Path file = temp.resolve("docchat.db");
        try (SqliteDatabase db = SqliteDatabase.open(file)) {
            db.accountStore().insertAccount(new Account("acme", "Acme", Instant.now()));
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        try (SqliteDatabase db = SqliteDatabase.open(file)) {
            assertThat(db.accountStore().findAccount("acme")).isPresent();
            assertThat(mode(file)).isEqualTo("rw-------");
        }
    }
}
