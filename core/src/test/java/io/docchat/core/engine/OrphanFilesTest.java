package io.docchat.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.DocChat;
import io.docchat.core.files.FileSystemFileStore;
import io.docchat.core.memory.InMemoryKnowledgeStore;
import io.docchat.core.memory.InMemoryPassageIndex;
import io.docchat.core.model.Account;
import io.docchat.core.model.Document;
import io.docchat.core.model.Folder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that belong to no document are removed at start once their grace period is over; others are kept. */
class OrphanFilesTest {
    @TempDir
    Path temporary;

    @Test
    void oldOrphansAreRemovedAtStartAndEverythingElseIsKept() throws Exception {
        InMemoryKnowledgeStore store = new InMemoryKnowledgeStore();
        InMemoryPassageIndex index = new InMemoryPassageIndex();
        Path root = temporary.resolve("files");
        Document document;
        try (DocChat docChat = DocChat.builder().knowledgeStore(store).passageIndex(index)
                .fileStore(new FileSystemFileStore(root)).build()) {
            Folder folder = docChat.folders().create(Account.LOCAL, null, "notes");
            document = docChat.documents().submit(Account.LOCAL, folder.id(), "kept.txt",
                    "The sluice gate is greased in spring.".getBytes(StandardCharsets.UTF_8));
            docChat.documents().awaitProcessed(Account.LOCAL, document.id(), Duration.ofSeconds(30));
        }
        // As a crash between storing a file and recording its document leaves them: one long ago, one just now.
        FileSystemFileStore files = new FileSystemFileStore(root);
        files.put("files/oldorphan", new byte[] {1});
        files.put("files/neworphan", new byte[] {2});
        FileTime twoHoursAgo = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
        Files.setLastModifiedTime(root.resolve("files/oldorphan.bin"), twoHoursAgo);
        Files.setLastModifiedTime(root.resolve(document.fileKey() + ".bin"), twoHoursAgo);

        try (DocChat docChat = DocChat.builder().knowledgeStore(store).passageIndex(index).fileStore(files).build()) {
            assertThat(files.read("files/oldorphan")).as("an orphan past its grace period").isEmpty();
            assertThat(files.read("files/neworphan")).as("an orphan still within its grace period").isPresent();
            assertThat(docChat.documents().originalFile(Account.LOCAL, document.id())).isNotEmpty();
        }
    }
}
