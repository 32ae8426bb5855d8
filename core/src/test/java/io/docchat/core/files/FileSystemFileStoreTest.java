package io.docchat.core.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.contract.FileStoreContract;
import io.docchat.core.port.FileStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemFileStoreTest extends FileStoreContract {

    @TempDir
    Path root;

    @Override
    protected FileStore create() {
        return new FileSystemFileStore(root.resolve("files"));
    }

    @Override
    protected FileStore reopen(FileStore old) {
        return new FileSystemFileStore(((FileSystemFileStore) old).root());
    }

    private List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void filesLiveUnderTheRootAndNoTemporaryFileIsLeft() throws IOException {
        store.put("acme/doc", binary(7, 5000));
        store.put("acme/doc", binary(8, 3000));

        assertThat(filesUnder(root)).containsExactly(root.resolve("files/acme/doc.bin"));
        assertThat(Files.readAllBytes(root.resolve("files/acme/doc.bin"))).isEqualTo(binary(8, 3000));
    }

    @Test
    void keysThatCouldLeaveTheRootAreRejectedAndNothingIsWritten() throws IOException {
        Files.writeString(root.resolve("outside.bin"), "untouched");
        for (String key : List.of("../outside", "acme/../../outside", "/etc/passwd", "..", "a/./b", "a//b", "a/",
                "", "C:\\windows", "name.pdf", "spaced name", "中文")) {
            assertThatThrownBy(() -> store.put(key, new byte[] {1})).as(key)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.read(key)).as(key).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.delete(key)).as(key).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Files.readString(root.resolve("outside.bin"))).isEqualTo("untouched");
        assertThat(filesUnder(root)).containsExactly(root.resolve("outside.bin"));
    }

    @Test
    void aRootThatCannotBeADirectoryIsAStorageFailure() throws IOException {
        Path plainFile = Files.writeString(root.resolve("plain"), "not a directory");

        assertThatThrownBy(() -> new FileSystemFileStore(plainFile.resolve("files")))
                .isInstanceOfSatisfying(DocChatException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FAILURE));
    }

    @Test
    void aWriteThatCannotCreateItsDirectoryIsAStorageFailureAndHarmsNoOtherFile() throws IOException {
        store.put("acme/doc", new byte[] {1, 2, 3});
        // A plain file where the key's directory should be makes the write fail after the key was accepted.
        Files.writeString(root.resolve("files/blocked"), "a file, so blocked/x cannot be created");

        assertThatThrownBy(() -> store.put("blocked/x", new byte[] {4}))
                .isInstanceOfSatisfying(DocChatException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FAILURE));
        assertThat(store.read("acme/doc")).hasValueSatisfying(read -> assertThat(read).containsExactly(1, 2, 3));
    }
}
