package io.docchat.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.port.IndexedPassage;
import io.docchat.core.port.ScoredPassage;
import io.docchat.core.port.SearchRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What survives a crash: only committed writes and the sequence committed with them, so that replaying the store's
 * changes after that sequence brings the index back to the store's state.
 */
class LucenePassageIndexRecoveryTest {

    private static final String ACCOUNT = "acme";
    private static final String FOLDER = "f1";

    @TempDir
    Path temp;

    /** The store's change log in sequence order: what the engine replays after {@link #committedPart}. */
    private static final List<Change> CHANGES = List.of(
            new Add(passage(1, 100, "alpha pump manual")),
            new Add(passage(2, 100, "alpha pump spare parts")),
            new Add(passage(3, 101, "beta compressor manual")),
            // ---- committed up to here
            new Add(passage(4, 102, "gamma turbine manual")),
            new Add(passage(5, 102, "gamma turbine spare parts")),
            new Remove(100, 6));

    private static final int committedPart = 3;

    @Test
    void closeWithoutCommitKeepsOnlyTheCommittedStateAndReplayRestoresTheRest() {
        Path dir = temp.resolve("index");
        try (LucenePassageIndex index = LucenePassageIndex.open(dir)) {
            apply(index, CHANGES.subList(0, committedPart));
            index.commit();
            apply(index, CHANGES.subList(committedPart, CHANGES.size()));
            // Visible before the crash...
            assertThat(ids(index, "turbine")).containsExactlyInAnyOrder(4L, 5L);
            assertThat(ids(index, "alpha")).isEmpty();
            assertThat(index.appliedSequence()).isEqualTo(6);
        }

        try (LucenePassageIndex index = LucenePassageIndex.open(dir)) {
            // ...but never committed: gone, and the removal of document 100 is undone too.
            assertThat(index.appliedSequence()).isEqualTo(3);
            assertThat(ids(index, "turbine")).isEmpty();
            assertThat(ids(index, "alpha")).containsExactlyInAnyOrder(1L, 2L);

            replayAfter(index, index.appliedSequence());
            assertThat(index.appliedSequence()).isEqualTo(6);
            assertThat(ids(index, "turbine")).containsExactlyInAnyOrder(4L, 5L);
            assertThat(ids(index, "alpha")).isEmpty();
            index.commit();
        }

        try (LucenePassageIndex index = LucenePassageIndex.open(dir)) {
            assertThat(index.appliedSequence()).isEqualTo(6);
            assertThat(ids(index, "manual")).containsExactlyInAnyOrder(3L, 4L);
            assertThat(ids(index, "spare parts")).containsExactly(5L);
        }
    }

    /**
     * A process killed mid-way leaves files a live writer had flushed for near-real-time search but never committed.
     * Copying the directory while the writer is open (without its lock) freezes exactly that state.
     */
    @Test
    void filesOfAKilledWriterOpenAtTheLastCommit() throws IOException {
        Path live = temp.resolve("live");
        Path crashed = temp.resolve("crashed");
        try (LucenePassageIndex index = LucenePassageIndex.open(live)) {
            apply(index, CHANGES.subList(0, committedPart));
            index.commit();
            apply(index, CHANGES.subList(committedPart, CHANGES.size()));
            assertThat(ids(index, "turbine")).containsExactlyInAnyOrder(4L, 5L);
            copyWithoutLock(live, crashed);
        }

        try (LucenePassageIndex index = LucenePassageIndex.open(crashed)) {
            assertThat(index.appliedSequence()).isEqualTo(3);
            assertThat(ids(index, "turbine")).isEmpty();
            assertThat(ids(index, "manual")).containsExactlyInAnyOrder(1L, 3L);

            replayAfter(index, index.appliedSequence());
            assertThat(ids(index, "manual")).containsExactlyInAnyOrder(3L, 4L);
            assertThat(index.appliedSequence()).isEqualTo(6);
        }
    }

    @Test
    void replayingChangesTheIndexAlreadyHasChangesNothing() {
        try (LucenePassageIndex index = LucenePassageIndex.open(temp.resolve("index"))) {
            apply(index, CHANGES);
            List<Long> before = ids(index, "manual spare parts");

            // An engine that replays from an older sequence than needed must not duplicate or resurrect anything.
            apply(index, CHANGES);

            assertThat(ids(index, "manual spare parts")).containsExactlyElementsOf(before);
            assertThat(before).containsExactlyInAnyOrder(3L, 4L, 5L);
        }
    }

    @Test
    void aNewDirectoryStartsAtSequenceZeroAndAnUncommittedOneStaysThere() {
        Path dir = temp.resolve("fresh");
        try (LucenePassageIndex index = LucenePassageIndex.open(dir)) {
            assertThat(index.appliedSequence()).isZero();
            apply(index, CHANGES);
        }
        try (LucenePassageIndex index = LucenePassageIndex.open(dir)) {
            assertThat(index.appliedSequence()).isZero();
            assertThat(ids(index, "manual")).isEmpty();
        }
    }

    // ---- the engine's side, reduced to what the index sees

    private sealed interface Change permits Add, Remove {
        long sequence();
    }

    private record Add(IndexedPassage passage) implements Change {
        @Override
        public long sequence() {
            return passage.id();
        }
    }

    private record Remove(long documentId, long sequence) implements Change {}

    private static void replayAfter(LucenePassageIndex index, long applied) {
        apply(index, CHANGES.stream().filter(c -> c.sequence() > applied).toList());
    }

    private static void apply(LucenePassageIndex index, List<Change> changes) {
        for (Change change : changes) {
            if (change instanceof Add add) {
                index.add(List.of(add.passage()));
            } else if (change instanceof Remove remove) {
                index.removeDocument(remove.documentId(), remove.sequence());
            }
        }
    }

    private static IndexedPassage passage(long id, long documentId, String text) {
        return new IndexedPassage(id, ACCOUNT, documentId, List.of(FOLDER), "Handbook " + documentId, text);
    }

    private static List<Long> ids(LucenePassageIndex index, String text) {
        return index.search(new SearchRequest(ACCOUNT, text, Set.of(FOLDER), Set.of(), 10)).stream()
                .map(ScoredPassage::passageId).toList();
    }

    private static void copyWithoutLock(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                if (!file.getFileName().toString().equals("write.lock")) {
                    Files.copy(file, to.resolve(file.getFileName()));
                }
            }
        }
    }

    @Test
    void anIndexBuiltWithOtherAnalysisStartsEmptyForARebuild() {
        Path dir = temp.resolve("index");
        LuceneIndexSettings withWords =
                LuceneIndexSettings.defaults().withChineseSegmentation(ChineseSegmentation.WORDS_AND_BIGRAMS);
        try (LucenePassageIndex index = LucenePassageIndex.open(dir, withWords)) {
            apply(index, CHANGES);
            index.commit();
        }
        try (LucenePassageIndex index = LucenePassageIndex.open(dir, withWords.withBm25(0.9f, 0.4f))) {
            // Ranking settings act at search time: the index is kept.
            assertThat(index.appliedSequence()).isEqualTo(6);
            assertThat(ids(index, "manual")).containsExactlyInAnyOrder(3L, 4L);
        }

        try (LucenePassageIndex index = LucenePassageIndex.open(dir)) {
            assertThat(index.appliedSequence()).isZero();
            assertThat(ids(index, "manual")).isEmpty();
            replayAfter(index, index.appliedSequence());
            assertThat(ids(index, "manual")).containsExactlyInAnyOrder(3L, 4L);
        }
    }
}
