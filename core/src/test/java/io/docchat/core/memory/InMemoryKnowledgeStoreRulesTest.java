package io.docchat.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.contract.ContractFixtures;
import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.Folder;
import io.docchat.core.model.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the in-memory knowledge store adds to the port: its clock and its checks of callers' preconditions. */
class InMemoryKnowledgeStoreRulesTest {

    private static final Instant NOW = Instant.parse("2025-06-30T12:00:00.456Z");

    private final ContractFixtures fixtures = new ContractFixtures();
    private final InMemoryKnowledgeStore store = new InMemoryKnowledgeStore(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void writesSetTheUpdateTimeFromTheClock() {
        Folder folder = fixtures.folder("acme", "Docs");
        store.insertFolder(folder);
        Document document = store.insertDocument(fixtures.newDocument(folder, "a.txt"));
        assertThat(document.updatedAt()).isEqualTo(document.createdAt()).isNotEqualTo(NOW);

        store.updateStatus(document.id(), DocumentStatus.PARSING, null);
        assertThat(store.findDocument(document.id()).orElseThrow().updatedAt()).isEqualTo(NOW);

        Document other = store.insertDocument(fixtures.newDocument(folder, "b.txt"));
        store.completeDocument(other.id(), List.of(), List.of(), List.of());
        assertThat(store.findDocument(other.id()).orElseThrow().updatedAt()).isEqualTo(NOW);
    }

    @Test
    void completionIsNotReachedThroughUpdateStatus() {
        Folder folder = fixtures.folder("acme", "Docs");
        store.insertFolder(folder);
        Document document = store.insertDocument(fixtures.newDocument(folder, "a.txt"));

        assertThatThrownBy(() -> store.updateStatus(document.id(), DocumentStatus.PARSING_COMPLETED, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.findDocument(document.id()).orElseThrow().status()).isEqualTo(DocumentStatus.PENDING);
    }

    @Test
    void foldersAndDocumentsNeedAnExistingFolderOfTheSameAccount() {
        Folder folder = fixtures.folder("acme", "Docs");
        store.insertFolder(folder);
        Folder foreignChild = new Folder(fixtures.hexId(), "globex", folder.id(), "Sneaky", NOW);

        assertThatThrownBy(() -> store.insertFolder(foreignChild)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.insertFolder(folder))
                .isInstanceOfSatisfying(DocChatException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        Folder missing = fixtures.folder("acme", "Never inserted");
        assertThatThrownBy(() -> store.insertDocument(fixtures.newDocument(missing, "a.txt")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.listFolders("globex")).isEmpty();
        assertThat(store.listDocuments("acme", null, PageRequest.first(10)).total()).isZero();
    }

    @Test
    void aLimitBelowOneIsRejected() {
        assertThatThrownBy(() -> store.changesSince(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDuplicateLeftInAFolderIsFoundByHashAfterTheFirstIsDeleted() {
        Folder folder = fixtures.folder("acme", "Docs");
        store.insertFolder(folder);
        String hash = ContractFixtures.hash("bytes");
        Document first = store.insertDocument(fixtures.newDocument(folder, "first.txt", hash));
        Document second = store.insertDocument(fixtures.newDocument(folder, "second.txt", hash));

        assertThat(store.findDocumentByHash("acme", folder.id(), hash)).contains(first);
        store.deleteDocument("acme", first.id());
        assertThat(store.findDocumentByHash("acme", folder.id(), hash)).contains(second);
        store.deleteDocument("acme", second.id());
        assertThat(store.findDocumentByHash("acme", folder.id(), hash)).isEmpty();
    }
}
