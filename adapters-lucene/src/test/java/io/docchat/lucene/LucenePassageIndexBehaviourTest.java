package io.docchat.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.port.IndexedPassage;
import io.docchat.core.port.ScoredPassage;
import io.docchat.core.port.SearchRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Behaviour of the Lucene index beyond the port contract: analysis, hostile query text, bad input, concurrency. */
class LucenePassageIndexBehaviourTest {

    private static final String ACCOUNT = "acme";

    private LucenePassageIndex index = LucenePassageIndex.inMemory();

    @AfterEach
    void close() {
        index.close();
    }

    @ParameterizedTest
    @EnumSource(ChineseSegmentation.class)
    void traditionalChineseIsFoundByATraditionalChineseQuestion(ChineseSegmentation segmentation) {
        index.close();
        index = LucenePassageIndex.inMemory(LuceneIndexSettings.defaults().withChineseSegmentation(segmentation));
        index.add(List.of(
                passage(1, 100, "本產品的最大流量為每小時三十立方米。"),
                passage(2, 100, "請每六個月檢查一次閥門密封件。"),
                passage(3, 101, "電動機的防護等級為IP55，適用於戶外安裝。")));

        assertThat(ids("閥門多久檢查一次？")).first().isEqualTo(2L);
        assertThat(ids("最大流量是多少")).first().isEqualTo(1L);
        assertThat(ids("電動機可以戶外安裝嗎")).first().isEqualTo(3L);
    }

    @Test
    void englishWordsMatchAcrossInflections() {
        index.add(List.of(
                passage(1, 100, "Installation of the pumps requires two technicians."),
                passage(2, 100, "The warranty covers the motor's bearings.")));

        assertThat(ids("installing a pump")).containsExactly(1L);
        assertThat(ids("motor bearing")).containsExactly(2L);
        assertThat(ids("What is the")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "title:pump AND (valve OR", "pump*", "\"pump", "pump^100 -valve", "account:globex pump", "pump~2 \\",
        "+pump +(", "/pump/", "pump && || !"})
    void queryTextIsNeverParsedAsSyntax(String hostile) {
        index.add(List.of(
                passage(1, 100, "The pump is mounted on a steel frame."),
                new IndexedPassage(2, "globex", 200, List.of("f"), "Manual", "The globex pump is different.")));

        assertThat(ids(hostile)).containsExactly(1L);
    }

    @Test
    void aQueryOfOnlyPunctuationOrStopWordsFindsNothing() {
        index.add(List.of(passage(1, 100, "The pump is mounted on a steel frame.")));

        assertThat(ids("*")).isEmpty();
        assertThat(ids("?!。，")).isEmpty();
        assertThat(ids("the and of")).isEmpty();
    }

    @Test
    void aVeryLongQueryIsCappedInsteadOfFailing() {
        index.add(List.of(passage(1, 100, "word17 appears here")));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            text.append("word").append(i).append(' ');
        }

        assertThat(ids(text.toString())).containsExactly(1L);
    }

    @Test
    void aVeryLongMixedQueryStaysWithinTheClauseLimitInEveryField() {
        index.close();
        index = LucenePassageIndex.inMemory(
                LuceneIndexSettings.defaults().withChineseSegmentation(ChineseSegmentation.WORDS_AND_BIGRAMS));
        index.add(List.of(passage(1, 100, "word17 水泵流量")));
        StringBuilder text = new StringBuilder();
        Random random = new Random(7);
        for (int i = 0; i < 3000; i++) {
            text.append("word").append(i).append(' ')
                    .append((char) (0x4E00 + random.nextInt(5000))).append((char) (0x4E00 + random.nextInt(5000)));
        }
        text.append(" 水泵流量");

        assertThat(ids(text.toString())).contains(1L);
    }

    @Test
    void theLastOfRepeatedIdsWinsWithinABatchAndAcrossBatches() {
        index.add(List.of(passage(5, 100, "first turbine"), passage(3, 100, "first pump"),
                passage(5, 100, "second turbine"), passage(7, 101, "valve")));
        index.add(List.of(passage(3, 100, "second pump"), passage(9, 101, "gasket"), passage(9, 101, "seal")));

        assertThat(ids("turbine")).containsExactly(5L);
        assertThat(ids("first")).isEmpty();
        assertThat(ids("second")).containsExactlyInAnyOrder(3L, 5L);
        assertThat(ids("gasket")).isEmpty();
        assertThat(ids("seal")).containsExactly(9L);
        assertThat(index.appliedSequence()).isEqualTo(9);
    }

    @Test
    void aBatchLargeEnoughForSeveralThreadsKeepsTheLastOfEachIdAndEveryPassage() {
        // Seeded: 2,000 passages with ids repeated inside the batch (each repeat rewrites the text), then a second
        // batch replacing some; whatever thread writes which share, the index must equal a one-by-one application.
        Random random = new Random(31);
        Map<Long, String> expected = new HashMap<>();
        List<IndexedPassage> first = randomBatch(random, 2_000, 1_500, expected);
        List<IndexedPassage> second = randomBatch(random, 600, 1_800, expected);
        try (IndexingThreads threads = IndexingThreads.forThisMachine()) {
            assertThat(threads.threadsFor(first.size())).as("threads for the first batch")
                    .isEqualTo(Math.min(4, Runtime.getRuntime().availableProcessors()));
        }

        index.add(first);
        index.add(second);

        List<Long> all = index.search(new SearchRequest(ACCOUNT, "pump", Set.of(), Set.of(), 5_000)).stream()
                .map(ScoredPassage::passageId).toList();
        assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (String word : List.of("w7", "w123", "w399")) {
            List<Long> withWord = expected.entrySet().stream().filter(e -> e.getValue().equals(word))
                    .map(Map.Entry::getKey).toList();
            assertThat(index.search(new SearchRequest(ACCOUNT, word, Set.of(), Set.of(), 5_000)).stream()
                    .map(ScoredPassage::passageId).toList()).as(word).containsExactlyInAnyOrderElementsOf(withWord);
        }
        assertThat(index.appliedSequence()).isEqualTo(expected.keySet().stream().mapToLong(Long::longValue).max()
                .orElseThrow());
    }

    @Test
    void aBadPassageRejectsTheWholeBatch() {
        List<IndexedPassage> batch = List.of(
                passage(1, 100, "valid pump passage"),
                new IndexedPassage(2, " ", 100, List.of("f"), "Manual", "no account"));

        assertThatThrownBy(() -> index.add(batch)).isInstanceOf(DocChatException.class)
                .extracting(e -> ((DocChatException) e).code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(ids("pump")).isEmpty();
        assertThat(index.appliedSequence()).isZero();
    }

    @Test
    void aLimitBelowOneIsRejected() {
        assertThatThrownBy(() -> index.search(new SearchRequest(ACCOUNT, "pump", Set.of(), Set.of(), 0)))
                .isInstanceOf(DocChatException.class)
                .extracting(e -> ((DocChatException) e).parameter()).isEqualTo("limit");
    }

    @Test
    void aClosedIndexRefusesWorkAndClosesTwiceQuietly() {
        index.close();
        index.close();
        assertThatThrownBy(() -> index.add(List.of(passage(1, 100, "pump")))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void searchesRunWhileOneThreadWrites() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch readerSearched = new CountDownLatch(1);
        try {
            Future<?> writer = pool.submit(() -> {
                // Without this the writer can finish before the reader's first search on a fast machine.
                readerSearched.await(30, TimeUnit.SECONDS);
                for (int i = 1; i <= 200; i++) {
                    index.add(List.of(passage(i, i % 7, "pump unit " + i)));
                    if (i % 50 == 0) {
                        index.removeDocument(3, 200 + i);
                    }
                }
                return null;
            });
            Future<Integer> reader = pool.submit(() -> {
                int searches = 0;
                do {
                    List<ScoredPassage> hits = index.search(new SearchRequest(ACCOUNT, "pump", Set.of(), Set.of(), 5));
                    assertThat(hits.size()).isLessThanOrEqualTo(5);
                    searches++;
                    readerSearched.countDown();
                } while (!writer.isDone());
                return searches;
            });
            writer.get(60, TimeUnit.SECONDS);
            assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
        } finally {
            pool.shutdownNow();
        }
        List<Long> all = index.search(new SearchRequest(ACCOUNT, "pump", Set.of(), Set.of(), 1000)).stream()
                .map(ScoredPassage::passageId).toList();
        List<Long> expected = new ArrayList<>();
        for (long i = 1; i <= 200; i++) {
            // Document 3's passages added after its last removal (at i = 200) remain: none, since 200 is the last.
            if (i % 7 != 3) {
                expected.add(i);
            }
        }
        assertThat(all).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** Passages "pump wN" with random ids up to {@code maxId}, repeats included; the last text of each id noted. */
    private static List<IndexedPassage> randomBatch(Random random, int size, int maxId,
            Map<Long, String> lastWordById) {
        List<IndexedPassage> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            long id = 1 + random.nextInt(maxId);
            String word = "w" + random.nextInt(400);
            batch.add(passage(id, id % 13, "pump " + word));
            lastWordById.put(id, word);
        }
        return batch;
    }

    private static IndexedPassage passage(long id, long documentId, String text) {
        return new IndexedPassage(id, ACCOUNT, documentId, List.of("f"), "Manual", text);
    }

    private List<Long> ids(String text) {
        return index.search(new SearchRequest(ACCOUNT, text, Set.of(), Set.of(), 10)).stream()
                .map(ScoredPassage::passageId).toList();
    }
}
