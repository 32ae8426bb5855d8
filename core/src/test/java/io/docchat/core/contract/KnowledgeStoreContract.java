package io.docchat.core.contract;

import static io.docchat.core.contract.ContractFixtures.page;
import static io.docchat.core.contract.ContractFixtures.pageWithoutGeometry;
import static io.docchat.core.contract.ContractFixtures.passage;
import static io.docchat.core.contract.ContractFixtures.passageAcrossPages;
import static io.docchat.core.contract.ContractFixtures.richPage;
import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.port.Embedding;
import io.docchat.core.model.EmbeddingProgress;
import io.docchat.core.model.Folder;
import io.docchat.core.model.Page;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.Passage;
import io.docchat.core.port.PassageVector;
import io.docchat.core.model.ResultPage;
import io.docchat.core.port.DocumentPassage;
import io.docchat.core.port.KnowledgeChange;
import io.docchat.core.port.KnowledgeStore;
import io.docchat.core.port.StoredVector;
import io.docchat.core.port.KnowledgeStore.FolderDeletion;
import io.docchat.core.port.KnowledgeStore;
import io.docchat.core.port.NewDocument;
import io.docchat.core.port.NewPassage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link KnowledgeStore} must have. An adapter's test extends this class and implements
 * {@link #create()}; a durable adapter also overrides {@link #reopen} so that the suite checks what survives a restart.
 */
public abstract class KnowledgeStoreContract {

    protected static final String ACCOUNT = "acme";
    protected static final String OTHER_ACCOUNT = "globex";

    protected final ContractFixtures fixtures = new ContractFixtures();

    /** The store under test; replaced by {@link #reopenStore()}. */
    protected KnowledgeStore store;

    /** A fresh, empty store. Called once per test. */
    protected abstract KnowledgeStore create();

    /** Closes {@code old} and opens the same data again; by default the same instance (a store without files). */
    protected KnowledgeStore reopen(KnowledgeStore old) {
        return old;
    }

    @BeforeEach
    void createStore() {
        store = create();
    }

    @AfterEach
    void closeStore() throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    protected final void reopenStore() {
        store = reopen(store);
    }

    // ---- helpers

    protected final Folder insertFolder(String accountId, String name) {
        Folder folder = fixtures.folder(accountId, name);
        store.insertFolder(folder);
        return folder;
    }

    protected final Folder insertSubfolder(Folder parent, String name) {
        Folder folder = fixtures.subfolder(parent, name);
        store.insertFolder(folder);
        return folder;
    }

    protected final Document insertDocument(Folder folder, String fileName) {
        return store.insertDocument(fixtures.newDocument(folder, fileName));
    }

    /** The passages a store must give back for {@code given}, with the ids it assigned. */
    private static List<Passage> expectedPassages(Document document, List<NewPassage> given, List<Passage> stored) {
        assertThat(stored).hasSameSizeAs(given);
        List<Passage> expected = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            NewPassage p = given.get(i);
            expected.add(new Passage(stored.get(i).id(), document.id(), document.accountId(), document.folderId(),
                    p.ordinal(), p.text(), p.headingPath(), p.lines(), p.pages()));
        }
        return expected;
    }

    private static List<Long> ids(List<Passage> passages) {
        return passages.stream().map(Passage::id).toList();
    }

    private List<KnowledgeChange> allChanges() {
        return store.changesSince(0, 100_000);
    }

    // ---- folders

    @Test
    void insertedFolderIsFoundWithEveryField() {
        Folder top = insertFolder(ACCOUNT, "Manuals");
        Folder sub = insertSubfolder(top, "Pumps 泵");

        reopenStore();

        assertThat(store.findFolder(ACCOUNT, top.id())).contains(top);
        assertThat(store.findFolder(ACCOUNT, sub.id())).contains(sub);
        assertThat(store.findFolder(ACCOUNT, fixtures.hexId())).isEmpty();
    }

    @Test
    void foldersOfAnotherAccountAreAbsent() {
        Folder mine = insertFolder(ACCOUNT, "Mine");
        Folder theirs = insertFolder(OTHER_ACCOUNT, "Theirs");

        assertThat(store.findFolder(OTHER_ACCOUNT, mine.id())).isEmpty();
        assertThat(store.findFolder(ACCOUNT, theirs.id())).isEmpty();
        assertThat(store.listFolders(ACCOUNT)).containsExactly(mine);
        assertThat(store.listFolders(OTHER_ACCOUNT)).containsExactly(theirs);
        assertThat(store.listFolders("nobody")).isEmpty();
    }

    @Test
    void listFoldersReturnsTheWholeTreeOfTheAccount() {
        Folder top = insertFolder(ACCOUNT, "Top");
        Folder sub = insertSubfolder(top, "Sub");
        Folder subSub = insertSubfolder(sub, "SubSub");
        Folder otherTop = insertFolder(ACCOUNT, "Other top");
        insertFolder(OTHER_ACCOUNT, "Foreign");

        reopenStore();

        assertThat(store.listFolders(ACCOUNT)).containsExactlyInAnyOrder(top, sub, subSub, otherTop);
    }

    @Test
    void emptyFolderIsDeletedOnce() {
        Folder folder = insertFolder(ACCOUNT, "Empty");

        assertThat(store.deleteFolderIfEmpty(ACCOUNT, folder.id())).isEqualTo(FolderDeletion.DELETED);
        assertThat(store.findFolder(ACCOUNT, folder.id())).isEmpty();
        assertThat(store.listFolders(ACCOUNT)).isEmpty();
        assertThat(store.deleteFolderIfEmpty(ACCOUNT, folder.id())).isEqualTo(FolderDeletion.NOT_FOUND);
        assertThat(store.deleteFolderIfEmpty(ACCOUNT, fixtures.hexId())).isEqualTo(FolderDeletion.NOT_FOUND);
    }

    @Test
    void anotherAccountCannotDeleteAFolder() {
        Folder folder = insertFolder(ACCOUNT, "Mine");

        assertThat(store.deleteFolderIfEmpty(OTHER_ACCOUNT, folder.id())).isEqualTo(FolderDeletion.NOT_FOUND);
        assertThat(store.findFolder(ACCOUNT, folder.id())).contains(folder);
    }

    @Test
    void folderWithASubfolderIsNotEmpty() {
        Folder parent = insertFolder(ACCOUNT, "Parent");
        Folder child = insertSubfolder(parent, "Child");

        assertThat(store.deleteFolderIfEmpty(ACCOUNT, parent.id())).isEqualTo(FolderDeletion.NOT_EMPTY);
        assertThat(store.findFolder(ACCOUNT, parent.id())).contains(parent);

        assertThat(store.deleteFolderIfEmpty(ACCOUNT, child.id())).isEqualTo(FolderDeletion.DELETED);
        assertThat(store.deleteFolderIfEmpty(ACCOUNT, parent.id())).isEqualTo(FolderDeletion.DELETED);
    }

    @Test
    void folderWithADocumentIsNotEmptyUntilTheDocumentIsDeleted() {
        Folder folder = insertFolder(ACCOUNT, "Docs");
        Document document = insertDocument(folder, "a.txt");

        assertThat(store.deleteFolderIfEmpty(ACCOUNT, folder.id())).isEqualTo(FolderDeletion.NOT_EMPTY);
        assertThat(store.findFolder(ACCOUNT, folder.id())).contains(folder);

        assertThat(store.deleteDocument(ACCOUNT, document.id())).isPresent();
        assertThat(store.deleteFolderIfEmpty(ACCOUNT, folder.id())).isEqualTo(FolderDeletion.DELETED);
    }

    @Test
    void documentsAreCountedPerFolderThatHasAny() {
        Folder a = insertFolder(ACCOUNT, "A");
        Folder b = insertSubfolder(a, "B");
        Folder empty = insertFolder(ACCOUNT, "Empty");
        Folder foreign = insertFolder(OTHER_ACCOUNT, "Foreign");
        insertDocument(a, "1.txt");
        insertDocument(a, "2.txt");
        Document onlyInB = insertDocument(b, "3.txt");
        insertDocument(foreign, "4.txt");

        assertThat(store.countDocumentsByFolder(ACCOUNT)).isEqualTo(Map.of(a.id(), 2, b.id(), 1));
        assertThat(store.countDocumentsByFolder(OTHER_ACCOUNT)).isEqualTo(Map.of(foreign.id(), 1));
        assertThat(store.countDocumentsByFolder("nobody")).isEmpty();

        store.deleteDocument(ACCOUNT, onlyInB.id());
        assertThat(store.countDocumentsByFolder(ACCOUNT)).isEqualTo(Map.of(a.id(), 2)).doesNotContainKey(empty.id());
    }

    // ---- documents

    @Test
    void insertedDocumentIsPendingWithEveryFieldKept() {
        Folder folder = insertFolder(ACCOUNT, "Docs");
        NewDocument given = fixtures.newDocument(folder, "Handbuch Pumpe 泵.pdf");

        Document inserted = store.insertDocument(given);

        Document expected = new Document(inserted.id(), ACCOUNT, folder.id(), given.fileName(), given.contentHash(),
                given.sizeBytes(), given.fileKey(), DocumentStatus.PENDING, 0, null, List.of(), given.createdAt(),
                given.createdAt());
        assertThat(inserted).isEqualTo(expected);
        reopenStore();
        assertThat(store.findDocument(ACCOUNT, inserted.id())).contains(expected);
        assertThat(store.findDocument(inserted.id())).contains(expected);
    }

    @Test
    void documentIdsGrowAndAreNeverReused() {
        Folder folder = insertFolder(ACCOUNT, "Docs");
        Folder foreign = insertFolder(OTHER_ACCOUNT, "Foreign");
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < 5; i++) {
            Document d = insertDocument(i % 2 == 0 ? folder : foreign, "file" + i + ".txt");
            assertThat(d.id()).isGreaterThan(previous);
            previous = d.id();
        }
        store.deleteDocument(OTHER_ACCOUNT, previous);
        reopenStore();

        assertThat(insertDocument(folder, "after-delete.txt").id()).isGreaterThan(previous);
    }

    @Test
    void documentsOfAnotherAccountAreAbsent() {
        Folder folder = insertFolder(ACCOUNT, "Docs");
        Document document = insertDocument(folder, "a.txt");

        assertThat(store.findDocument(OTHER_ACCOUNT, document.id())).isEmpty();
        assertThat(store.findDocument(ACCOUNT, document.id() + 1000)).isEmpty();
        assertThat(store.findDocument(document.id() + 1000)).isEmpty();
        assertThat(store.findDocumentByHash(OTHER_ACCOUNT, folder.id(), document.contentHash())).isEmpty();
        assertThat(store.listDocuments(OTHER_ACCOUNT, null, PageRequest.first(10)).total()).isZero();
        assertThat(store.listDocuments(OTHER_ACCOUNT, folder.id(), PageRequest.first(10)).items()).isEmpty();
        assertThat(store.deleteDocument(OTHER_ACCOUNT, document.id())).isEmpty();
        assertThat(store.findDocument(ACCOUNT, document.id())).contains(document);
    }

    @Test
    void documentIsFoundByHashOnlyInItsFolder() {
        Folder a = insertFolder(ACCOUNT, "A");
        Folder b = insertFolder(ACCOUNT, "B");
        Folder c = insertFolder(ACCOUNT, "C");
        String hash = ContractFixtures.hash("same bytes");
        Document inA = store.insertDocument(fixtures.newDocument(a, "x.pdf", hash));
        Document inB = store.insertDocument(fixtures.newDocument(b, "y.pdf", hash));

        assertThat(store.findDocumentByHash(ACCOUNT, a.id(), hash)).contains(inA);
        assertThat(store.findDocumentByHash(ACCOUNT, b.id(), hash)).contains(inB);
        assertThat(store.findDocumentByHash(ACCOUNT, c.id(), hash)).isEmpty();
        assertThat(store.findDocumentByHash(ACCOUNT, a.id(), ContractFixtures.hash("other bytes"))).isEmpty();

        store.deleteDocument(ACCOUNT, inA.id());
        assertThat(store.findDocumentByHash(ACCOUNT, a.id(), hash)).isEmpty();
    }

    @Test
    void documentsAreListedOldestFirstInPagesWithTheTotal() {
        Folder a = insertFolder(ACCOUNT, "A");
        Folder b = insertSubfolder(a, "B");
        Folder foreign = insertFolder(OTHER_ACCOUNT, "Foreign");
        List<Document> all = new ArrayList<>();
        List<Document> inA = new ArrayList<>();
        for (int i = 0; i < 28; i++) {
            boolean toA = i % 10 != 3;
            Document d = insertDocument(toA ? a : b, "doc" + i + ".txt");
            all.add(d);
            if (toA) {
                inA.add(d);
            }
            insertDocument(foreign, "foreign" + i + ".txt");
        }
        assertThat(inA).hasSize(25);
        reopenStore();

        ResultPage<Document> first = store.listDocuments(ACCOUNT, null, new PageRequest(1, 10));
        assertThat(first.items()).containsExactlyElementsOf(all.subList(0, 10));
        assertThat(first.total()).isEqualTo(28);
        assertThat(first.page()).isEqualTo(1);
        assertThat(first.pageSize()).isEqualTo(10);

        ResultPage<Document> last = store.listDocuments(ACCOUNT, null, new PageRequest(3, 10));
        assertThat(last.items()).containsExactlyElementsOf(all.subList(20, 28));
        assertThat(last.total()).isEqualTo(28);

        ResultPage<Document> folderPage = store.listDocuments(ACCOUNT, a.id(), new PageRequest(3, 10));
        assertThat(folderPage.items()).containsExactlyElementsOf(inA.subList(20, 25));
        assertThat(folderPage.total()).isEqualTo(25);

        ResultPage<Document> subfolder = store.listDocuments(ACCOUNT, b.id(), new PageRequest(1, 100));
        assertThat(subfolder.items()).extracting(Document::fileName).containsExactly("doc3.txt", "doc13.txt",
                "doc23.txt");
        assertThat(subfolder.total()).isEqualTo(3);

        ResultPage<Document> pastTheEnd = store.listDocuments(ACCOUNT, a.id(), new PageRequest(4, 10));
        assertThat(pastTheEnd.items()).isEmpty();
        assertThat(pastTheEnd.total()).isEqualTo(25);
    }

    @Test
    void documentsAreFoundByStatusAcrossAccountsOldestFirst() {
        Folder mine = insertFolder(ACCOUNT, "Mine");
        Folder theirs = insertFolder(OTHER_ACCOUNT, "Theirs");
        Document pending = insertDocument(mine, "pending.txt");
        Document parsing = insertDocument(theirs, "parsing.txt");
        Document failed = insertDocument(mine, "failed.txt");
        Document completed = insertDocument(theirs, "completed.txt");
        Document pending2 = insertDocument(theirs, "pending2.txt");
        store.updateStatus(parsing.id(), DocumentStatus.PARSING, null);
        store.updateStatus(failed.id(), DocumentStatus.PARSING_FAILED, "corrupt");
        store.completeDocument(completed.id(), List.of(page(1, "text", 1)), List.of(), List.of());

        assertThat(store.findDocumentsByStatus(EnumSet.of(DocumentStatus.PENDING, DocumentStatus.PARSING)))
                .extracting(Document::id).containsExactly(pending.id(), parsing.id(), pending2.id());
        assertThat(store.findDocumentsByStatus(EnumSet.of(DocumentStatus.PARSING_FAILED)))
                .extracting(Document::id).containsExactly(failed.id());
        assertThat(store.findDocumentsByStatus(EnumSet.of(DocumentStatus.PARSING_COMPLETED)))
                .extracting(Document::id).containsExactly(completed.id());
        assertThat(store.findDocumentsByStatus(EnumSet.noneOf(DocumentStatus.class))).isEmpty();
    }

    @Test
    void statusAndErrorMessageAreUpdated() {
        Folder folder = insertFolder(ACCOUNT, "Docs");
        Document document = insertDocument(folder, "a.pdf");

        assertThat(store.updateStatus(document.id(), DocumentStatus.PARSING, null)).isTrue();
        assertThat(store.findDocument(ACCOUNT, document.id()).orElseThrow().status())
                .isEqualTo(DocumentStatus.PARSING);

        assertThat(store.updateStatus(document.id(), DocumentStatus.PARSING_FAILED, "The file is encrypted.")).isTrue();
        reopenStore();
        Document failed = store.findDocument(ACCOUNT, document.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(DocumentStatus.PARSING_FAILED);
        assertThat(failed.errorMessage()).isEqualTo("The file is encrypted.");

        assertThat(store.updateStatus(document.id(), DocumentStatus.PENDING, null)).isTrue();
        Document retried = store.findDocument(ACCOUNT, document.id()).orElseThrow();
        assertThat(retried.status()).isEqualTo(DocumentStatus.PENDING);
        assertThat(retried.errorMessage()).isNull();
    }

    @Test
    void statusOfAMissingDocumentIsNotUpdated() {
        Folder folder = insertFolder(ACCOUNT, "Docs");
        Document document = insertDocument(folder, "a.pdf");
        store.deleteDocument(ACCOUNT, document.id());

        assertThat(store.updateStatus(document.id(), DocumentStatus.PARSING, null)).isFalse();
        assertThat(store.updateStatus(document.id() + 1000, DocumentStatus.PARSING, null)).isFalse();
        assertThat(store.findDocument(document.id())).isEmpty();
    }

    // ---- completion and content

    @Test
    void completedDocumentKeepsPagesAndPassagesExactly() {
        Folder folder = insertFolder(ACCOUNT, "Docs");
        Document document = insertDocument(folder, "manual.pdf");
        store.updateStatus(document.id(), DocumentStatus.PARSING_FAILED, "first attempt failed");
        List<Page> pages = List.of(page(1, "The pump", 4), pageWithoutGeometry(2, "plain text 纯文本"), richPage(3));
        List<NewPassage> given = List.of(
                passage(0, "The pump delivers thirty cubic metres per hour.", 1, 2),
                passageAcrossPages(1, "It spans a page break 跨页的段落。", 1),
                new NewPassage(2, "Without lines.", List.of("Appendix"), List.of()));

        assertThat(store.completeDocument(document.id(), pages, given, List.of("page 3 has no text layer"))).isTrue();
        reopenStore();

        Document completed = store.findDocument(ACCOUNT, document.id()).orElseThrow();
        assertThat(completed.status()).isEqualTo(DocumentStatus.PARSING_COMPLETED);
        assertThat(completed.pageCount()).isEqualTo(3);
        assertThat(completed.warnings()).containsExactly("page 3 has no text layer");
        assertThat(completed.errorMessage()).isNull();
        assertThat(completed.fileName()).isEqualTo(document.fileName());
        assertThat(completed.createdAt()).isEqualTo(document.createdAt());

        assertThat(store.pages(document.id())).isEqualTo(pages);
        List<Passage> stored = store.passagesOfDocument(document.id());
        assertThat(stored).isEqualTo(expectedPassages(completed, given, stored));
        assertThat(ids(stored)).isSorted().doesNotHaveDuplicates();
        assertThat(store.passages(ids(stored))).isEqualTo(stored);
    }

    @Test
    void passageIdsComeFromTheChangeSequenceAfterEveryEarlierChange() {
        assertThat(store.lastSequence()).isZero();
        Folder folder = insertFolder(ACCOUNT, "Docs");
        Document first = insertDocument(folder, "first.txt");
        Document second = insertDocument(folder, "second.txt");

        store.completeDocument(first.id(), List.of(page(1, "a", 2)),
                List.of(passage(0, "one", 1, 1), passage(1, "two", 1, 2)), List.of());
        List<Long> firstIds = ids(store.passagesOfDocument(first.id()));
        assertThat(firstIds).hasSize(2).allSatisfy(id -> assertThat(id).isPositive());
        assertThat(firstIds.get(1)).isGreaterThan(firstIds.get(0));
        assertThat(store.lastSequence()).isGreaterThanOrEqualTo(firstIds.get(1));

        store.deleteDocument(ACCOUNT, first.id());
        long afterDelete = store.lastSequence();
        assertThat(afterDelete).isGreaterThan(firstIds.get(1));
        reopenStore();
        assertThat(store.lastSequence()).isEqualTo(afterDelete);

        store.completeDocument(second.id(), List.of(page(1, "b", 1)), List.of(passage(0, "three", 1, 1)), List.of());
        List<Long> secondIds = ids(store.passagesOfDocument(second.id()));
        assertThat(secondIds).singleElement().satisfies(id -> assertThat(id).isGreaterThan(afterDelete));
        assertThat(store.lastSequence()).isEqualTo(secondIds.get(0));
    }

    @Test
    void completingADeletedOrUnknownDocumentWritesNothing() {
        Folder folder = insertFolder(ACCOUNT, "Docs");
        Document document = insertDocument(folder, "gone.txt");
        store.deleteDocument(ACCOUNT, document.id());
        long sequence = store.lastSequence();
        List<KnowledgeChange> changes = allChanges();

        assertThat(store.completeDocument(document.id(), List.of(page(1, "x", 1)), List.of(passage(0, "x", 1, 1)),
                List.of())).isFalse();
        assertThat(store.completeDocument(document.id() + 1000, List.of(page(1, "x", 1)),
                List.of(passage(0, "x", 1, 1)), List.of())).isFalse();

        assertThat(store.lastSequence()).isEqualTo(sequence);
        assertThat(allChanges()).isEqualTo(changes);
        assertThat(store.pages(document.id())).isEmpty();
        assertThat(store.passagesOfDocument(document.id())).isEmpty();
        assertThat(store.findDocument(document.id())).isEmpty();
    }

    @Test
    void completingAgainReplacesTheEarlierAttempt() {
        Folder folder = insertFolder(ACCOUNT, "Docs");
        Document document = insertDocument(folder, "twice.txt");
        store.completeDocument(document.id(), List.of(page(1, "old", 2), page(2, "old", 2)),
                List.of(passage(0, "old one", 1, 1), passage(1, "old two", 2, 1)), List.of("old warning"));
        List<Long> oldIds = ids(store.passagesOfDocument(document.id()));

        List<Page> newPages = List.of(page(1, "new", 3));
        List<NewPassage> newPassages = List.of(passage(0, "new one", 1, 3));
        assertThat(store.completeDocument(document.id(), newPages, newPassages, List.of())).isTrue();
        reopenStore();

        Document completed = store.findDocument(document.id()).orElseThrow();
        assertThat(completed.pageCount()).isEqualTo(1);
        assertThat(completed.warnings()).isEmpty();
        assertThat(store.pages(document.id())).isEqualTo(newPages);
        List<Passage> stored = store.passagesOfDocument(document.id());
        assertThat(stored).isEqualTo(expectedPassages(completed, newPassages, stored));
        assertThat(stored.get(0).id()).isGreaterThan(oldIds.get(1));
        assertThat(store.passages(oldIds)).isEmpty();
        assertThat(allChanges()).filteredOn(KnowledgeChange.PassageAdded.class::isInstance)
                .extracting(change -> ((KnowledgeChange.PassageAdded) change).passage())
                .isEqualTo(stored);
    }

    @Test
    void deletingADocumentRemovesItsContentAndLogsTheRemoval() {
        Folder folder = insertFolder(ACCOUNT, "Docs");
        Document kept = insertDocument(folder, "kept.txt");
        Document deleted = insertDocument(folder, "deleted.txt");
        store.completeDocument(kept.id(), List.of(page(1, "kept", 1)), List.of(passage(0, "kept", 1, 1)), List.of());
        store.completeDocument(deleted.id(), List.of(page(1, "gone", 2)),
                List.of(passage(0, "gone one", 1, 1), passage(1, "gone two", 1, 2)), List.of());
        List<Long> deletedIds = ids(store.passagesOfDocument(deleted.id()));
        Document before = store.findDocument(deleted.id()).orElseThrow();

        assertThat(store.deleteDocument(ACCOUNT, deleted.id())).contains(before);
        reopenStore();

        assertThat(store.findDocument(deleted.id())).isEmpty();
        assertThat(store.pages(deleted.id())).isEmpty();
        assertThat(store.passagesOfDocument(deleted.id())).isEmpty();
        assertThat(store.passages(deletedIds)).isEmpty();
        assertThat(store.passagesOfDocument(kept.id())).hasSize(1);
        assertThat(store.pages(kept.id())).hasSize(1);

        KnowledgeChange last = allChanges().get(allChanges().size() - 1);
        assertThat(last).isInstanceOf(KnowledgeChange.DocumentRemoved.class);
        assertThat(((KnowledgeChange.DocumentRemoved) last).documentId()).isEqualTo(deleted.id());
        assertThat(last.sequence()).isGreaterThan(deletedIds.get(1)).isEqualTo(store.lastSequence());

        assertThat(store.deleteDocument(ACCOUNT, deleted.id())).isEmpty();
        assertThat(store.lastSequence()).isEqualTo(last.sequence());
    }

    @Test
    void changesAreListedInSequenceWithoutPassagesOfDeletedDocuments() {
        Folder folder = insertFolder(ACCOUNT, "Docs");
        Folder foreign = insertFolder(OTHER_ACCOUNT, "Foreign");
        Document first = insertDocument(folder, "first.txt");
        Document second = insertDocument(foreign, "second.txt");
        Document third = insertDocument(folder, "third.txt");
        store.completeDocument(first.id(), List.of(page(1, "f", 2)),
                List.of(passage(0, "first one", 1, 1), passage(1, "first two", 1, 2)), List.of());
        store.completeDocument(second.id(), List.of(page(1, "s", 1)), List.of(passage(0, "second", 1, 1)), List.of());
        store.deleteDocument(ACCOUNT, first.id());
        store.completeDocument(third.id(), List.of(page(1, "t", 3)),
                List.of(passage(0, "third one", 1, 1), passage(1, "third two", 1, 2), passage(2, "third 3", 1, 3)),
                List.of());
        reopenStore();

        List<KnowledgeChange> changes = allChanges();
        List<Passage> second1 = store.passagesOfDocument(second.id());
        List<Passage> third3 = store.passagesOfDocument(third.id());
        assertThat(changes).hasSize(5);
        assertThat(changes.get(0)).isEqualTo(new KnowledgeChange.PassageAdded(second1.get(0)));
        assertThat(changes.get(1)).isInstanceOf(KnowledgeChange.DocumentRemoved.class);
        assertThat(((KnowledgeChange.DocumentRemoved) changes.get(1)).documentId()).isEqualTo(first.id());
        assertThat(changes.subList(2, 5)).containsExactly(new KnowledgeChange.PassageAdded(third3.get(0)),
                new KnowledgeChange.PassageAdded(third3.get(1)), new KnowledgeChange.PassageAdded(third3.get(2)));
        assertThat(changes).extracting(KnowledgeChange::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(changes.get(4).sequence()).isEqualTo(store.lastSequence());

        long afterRemoval = changes.get(1).sequence();
        assertThat(store.changesSince(afterRemoval, 100)).isEqualTo(changes.subList(2, 5));
        assertThat(store.changesSince(afterRemoval, 2)).isEqualTo(changes.subList(2, 4));
        assertThat(store.changesSince(store.lastSequence(), 100)).isEmpty();

        List<KnowledgeChange> paged = new ArrayList<>();
        long cursor = 0;
        while (true) {
            List<KnowledgeChange> batch = store.changesSince(cursor, 2);
            assertThat(batch.size()).isLessThanOrEqualTo(2);
            if (batch.isEmpty()) {
                break;
            }
            paged.addAll(batch);
            cursor = batch.get(batch.size() - 1).sequence();
        }
        assertThat(paged).isEqualTo(changes);
    }

    @Test
    void passagesByIdSkipMissingIdsAndComeInAscendingOrder() {
        Folder folder = insertFolder(ACCOUNT, "Docs");
        Document document = insertDocument(folder, "a.txt");
        store.completeDocument(document.id(), List.of(page(1, "a", 3)),
                List.of(passage(0, "zero", 1, 1), passage(1, "one", 1, 2), passage(2, "two", 1, 3)), List.of());
        List<Passage> stored = store.passagesOfDocument(document.id());
        long missing = store.lastSequence() + 1000;

        assertThat(store.passages(List.of(stored.get(2).id(), missing, stored.get(0).id())))
                .containsExactly(stored.get(0), stored.get(2));
        assertThat(store.passages(List.of(missing))).isEmpty();
        assertThat(store.passages(List.of())).isEmpty();
        assertThat(store.passagesOfDocument(document.id() + 1000)).isEmpty();
        assertThat(store.pages(document.id() + 1000)).isEmpty();
    }

    @Test
    void passagesWithDocumentsResolveEachHitWithItsDocumentForItsAccountOnly() {
        Folder mine = insertFolder(ACCOUNT, "Docs");
        Folder theirs = insertFolder(OTHER_ACCOUNT, "Docs");
        Document a = insertDocument(mine, "a.txt");
        Document b = insertDocument(theirs, "b.txt");
        store.completeDocument(a.id(), List.of(page(1, "a", 3)), List.of(passage(0, "zero", 1, 1)), List.of());
        store.completeDocument(b.id(), List.of(page(1, "b", 3)), List.of(passage(0, "one", 1, 1)), List.of());
        Passage own = store.passagesOfDocument(a.id()).get(0);
        Passage foreign = store.passagesOfDocument(b.id()).get(0);
        Document completedA = store.findDocument(ACCOUNT, a.id()).orElseThrow();

        assertThat(store.passagesWithDocuments(ACCOUNT, List.of(foreign.id(), own.id(), store.lastSequence() + 9)))
                .containsExactly(new DocumentPassage(own, completedA));
        assertThat(store.passagesWithDocuments(ACCOUNT, List.of())).isEmpty();
    }

    @Test
    void concurrentInsertsGetDistinctGrowingIds() throws Exception {
        Folder folder = insertFolder(ACCOUNT, "Docs");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    long previous = Long.MIN_VALUE;
                    for (int i = 0; i < 25; i++) {
                        long id = insertDocument(folder, "t" + thread + "-" + i + ".txt").id();
                        assertThat(id).isGreaterThan(previous);
                        previous = id;
                        ids.add(id);
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ids).hasSize(100);
        assertThat(new HashSet<>(store.listDocuments(ACCOUNT, folder.id(), new PageRequest(1, 100)).items()
                .stream().map(Document::id).toList())).isEqualTo(ids);
    }

    // ---- vectors

    private static final String MODEL = "model-a";
    private static final String NEW_MODEL = "model-b";

    private static Embedding vector(String space, float... components) {
        return new Embedding(space, components);
    }

    /** A completed document of {@code count} passages in a new folder; returns its passages. */
    private List<Passage> completedPassages(String accountId, String fileName, int count) {
        Folder folder = insertFolder(accountId, "Vectors " + fileName);
        Document document = insertDocument(folder, fileName);
        List<NewPassage> given = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            given.add(passage(i, "Passage " + i + " of " + fileName, 1, i + 1));
        }
        assertThat(store.completeDocument(document.id(), List.of(page(1, "text", count)), given, List.of())).isTrue();
        return store.passagesOfDocument(document.id());
    }

    @Test
    void storedVectorsAreReadBackExactlyAndLoggedInOrder() {
        List<Passage> passages = completedPassages(ACCOUNT, "a.pdf", 3);
        float[] first = {0.6f, 0.8f, -0.0f, Float.MIN_VALUE};
        float[] second = {1f, 0f, 0f, -1e-7f};
        store.storeVectors(MODEL, List.of(
                new PassageVector(passages.get(1).id(), vector("en", second)),
                new PassageVector(passages.get(0).id(), vector("zh", first))));

        reopenStore();

        Map<Long, StoredVector> read = store.vectors(List.of(passages.get(0).id(), passages.get(1).id(),
                passages.get(2).id(), 999_999L));
        assertThat(read).containsOnlyKeys(passages.get(0).id(), passages.get(1).id());
        assertThat(read.get(passages.get(0).id()).embedding()).isEqualTo(vector("zh", first));
        assertThat(read.get(passages.get(0).id()).modelId()).isEqualTo(MODEL);
        List<StoredVector> log = store.vectorsSince(0, 100);
        assertThat(log).extracting(StoredVector::passageId).containsExactly(passages.get(1).id(), passages.get(0).id());
        assertThat(log.get(0).sequence()).isLessThan(log.get(1).sequence());
        assertThat(store.lastVectorSequence()).isEqualTo(log.get(1).sequence());
        assertThat(store.vectorsSince(log.get(0).sequence(), 100)).containsExactly(log.get(1));
        assertThat(store.vectorsSince(0, 1)).containsExactly(log.get(0));
    }

    @Test
    void passagesToEmbedAreThoseWithoutAVectorOfTheModelInIdOrder() {
        List<Passage> passages = completedPassages(ACCOUNT, "a.pdf", 4);
        List<Passage> others = completedPassages(OTHER_ACCOUNT, "b.pdf", 2);
        store.storeVectors(MODEL, List.of(new PassageVector(passages.get(1).id(), vector("en", 1f, 0f))));

        List<Long> expected = new ArrayList<>(ids(passages));
        expected.remove(passages.get(1).id());
        expected.addAll(ids(others));
        assertThat(ids(store.passagesToEmbed(MODEL, 0, 100))).containsExactlyElementsOf(expected);
        assertThat(ids(store.passagesToEmbed(MODEL, passages.get(2).id(), 2)))
                .containsExactly(passages.get(3).id(), others.get(0).id());
        assertThat(store.passagesToEmbed(NEW_MODEL, 0, 100)).hasSize(6);
        assertThat(store.embeddingProgress(MODEL)).isEqualTo(new EmbeddingProgress(6, 1));
        assertThat(store.embeddingProgress(MODEL, passages.get(0).documentId()))
                .isEqualTo(new EmbeddingProgress(4, 1));
        assertThat(store.embeddingProgress(NEW_MODEL)).isEqualTo(new EmbeddingProgress(6, 0));
    }

    @Test
    void aNewVectorReplacesTheOldAndMovesToTheEndOfTheLog() {
        List<Passage> passages = completedPassages(ACCOUNT, "a.pdf", 2);
        store.storeVectors(MODEL, List.of(new PassageVector(passages.get(0).id(), vector("en", 1f, 0f)),
                new PassageVector(passages.get(1).id(), vector("en", 0f, 1f))));
        long before = store.lastVectorSequence();

        store.storeVectors(NEW_MODEL, List.of(new PassageVector(passages.get(0).id(), vector("en2", 0.6f, 0.8f))));

        List<StoredVector> log = store.vectorsSince(0, 100);
        assertThat(log).extracting(StoredVector::passageId).containsExactly(passages.get(1).id(), passages.get(0).id());
        assertThat(log.get(1).sequence()).isGreaterThan(before);
        assertThat(log.get(1).modelId()).isEqualTo(NEW_MODEL);
        assertThat(store.vectors(List.of(passages.get(0).id())).get(passages.get(0).id()).embedding())
                .isEqualTo(vector("en2", 0.6f, 0.8f));
        assertThat(ids(store.passagesToEmbed(NEW_MODEL, 0, 10))).containsExactly(passages.get(1).id());
    }

    @Test
    void vectorsGoWithTheirPassagesAndVectorsOfMissingPassagesAreNotStored() {
        List<Passage> gone = completedPassages(ACCOUNT, "gone.pdf", 2);
        List<Passage> kept = completedPassages(ACCOUNT, "kept.pdf", 1);
        store.storeVectors(MODEL, List.of(new PassageVector(gone.get(0).id(), vector("en", 1f)),
                new PassageVector(kept.get(0).id(), vector("en", 1f))));
        long last = store.lastVectorSequence();

        store.deleteDocument(ACCOUNT, gone.get(0).documentId());
        store.storeVectors(MODEL, List.of(new PassageVector(gone.get(1).id(), vector("en", 1f))));

        assertThat(store.vectors(ids(gone))).isEmpty();
        assertThat(store.vectorsSince(0, 100)).extracting(StoredVector::passageId).containsExactly(kept.get(0).id());
        // Sequences are never given out twice, even after the highest vector was deleted.
        assertThat(store.lastVectorSequence()).isGreaterThanOrEqualTo(last);
        store.storeVectors(MODEL, List.of(new PassageVector(kept.get(0).id(), vector("en", 0.5f))));
        assertThat(store.vectorsSince(last, 10)).hasSize(1);
        assertThat(store.embeddingProgress(MODEL)).isEqualTo(new EmbeddingProgress(1, 1));
    }

    @Test
    void completingADocumentAgainDropsTheVectorsOfItsOldPassages() {
        List<Passage> passages = completedPassages(ACCOUNT, "a.pdf", 2);
        store.storeVectors(MODEL, List.of(new PassageVector(passages.get(0).id(), vector("en", 1f))));

        store.completeDocument(passages.get(0).documentId(), List.of(page(1, "text", 1)),
                List.of(passage(0, "New text", 1, 1)), List.of());

        assertThat(store.vectors(ids(passages))).isEmpty();
        assertThat(store.vectorsSince(0, 10)).isEmpty();
        assertThat(store.embeddingProgress(MODEL, passages.get(0).documentId()))
                .isEqualTo(new EmbeddingProgress(1, 0));
    }

    @Test
    void referencedFileKeysAreThoseOfExistingDocumentsOfAnyAccount() {
        Folder mine = insertFolder(ACCOUNT, "mine");
        Folder theirs = insertFolder(OTHER_ACCOUNT, "theirs");
        Document kept = insertDocument(mine, "kept.txt");
        Document foreign = insertDocument(theirs, "foreign.txt");
        Document deleted = insertDocument(mine, "deleted.txt");
        store.deleteDocument(ACCOUNT, deleted.id());
        reopenStore();

        assertThat(store.referencedFileKeys(List.of(kept.fileKey(), foreign.fileKey(), deleted.fileKey(),
                "files/never-stored"))).containsExactlyInAnyOrder(kept.fileKey(), foreign.fileKey());
        assertThat(store.referencedFileKeys(List.of())).isEmpty();
    }
}
