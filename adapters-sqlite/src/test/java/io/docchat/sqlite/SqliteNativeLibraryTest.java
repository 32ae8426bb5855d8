package io.docchat.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteNativeLibraryTest {
    @TempDir
    Path temp;

    @Test
    void theCopyIsMadeOnceAndRepairedWhenDamaged() throws IOException {
        Path copy = SqliteNativeLibrary.keep(temp);
        assertThat(copy).isNotNull().startsWith(temp);
        byte[] original = Files.readAllBytes(copy);
        assertThat(original.length).isGreaterThan(100_000);
        long modified = Files.getLastModifiedTime(copy).toMillis();

        assertThat(SqliteNativeLibrary.keep(temp)).isEqualTo(copy);
        assertThat(Files.getLastModifiedTime(copy).toMillis()).as("a good copy is left as it is").isEqualTo(modified);

        try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {(byte) ~original[1024]}), 1024);
        }
        assertThat(Arrays.equals(Files.readAllBytes(copy), original)).isFalse();
        assertThat(SqliteNativeLibrary.keep(temp)).isEqualTo(copy);
        assertThat(Arrays.equals(Files.readAllBytes(copy), original)).as("repaired").isTrue();

        try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            channel.truncate(1000);
        }
        assertThat(SqliteNativeLibrary.keep(temp)).isEqualTo(copy);
        assertThat(Arrays.equals(Files.readAllBytes(copy), original)).as("made again").isTrue();
        try (Stream<Path> files = Files.walk(temp)) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void aDirectoryThatCannotBeWrittenGivesNoCopy() throws IOException {
        Path file = Files.writeString(temp.resolve("file"), "not a directory");
        assertThat(SqliteNativeLibrary.keep(file.resolve("cache"))).isNull();
    }

    @Test
    void theDriverLoadsTheCopyInAProcessOfItsOwn() throws Exception {
        Path output = temp.resolve("child.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Where the driver would copy its library to if it did not use the one it is given.
        Path tmp = Files.createDirectories(temp.resolve("tmp"));
        Process child = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                NativeLibraryChild.class.getName(), temp.resolve("cache").toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String printed = Files.readString(output);
        assertThat(child.exitValue()).as(printed).isZero();
        Path copy = SqliteNativeLibrary.keep(temp.resolve("cache"));
        assertThat(printed).contains("path=" + copy.getParent()).contains("select=1").contains("copies=0");
    }
}
