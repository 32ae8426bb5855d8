package io.docchat.core.contract;

import static io.docchat.core.contract.ContractFixtures.indexed;
import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.port.Embedding;
import io.docchat.core.port.IndexedPassage;
import io.docchat.core.port.ScoredPassage;
import io.docchat.core.port.SearchRequest;
import io.docchat.core.port.PassageIndex;
import io.docchat.core.port.ScoredPassage;
import io.docchat.core.port.SearchRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link PassageIndex} must have. An adapter's test extends this class and implements
 * {@link #create()}; a durable adapter also overrides {@link #reopen} so that the suite checks what survives a restart.
 */
public abstract class PassageIndexContract {

    protected static final String ACCOUNT = "acme";
    protected static final String OTHER_ACCOUNT = "globex";

    protected static final String TOP = "10000000000000000000000000000000";
    protected static final String SUB = "20000000000000000000000000000000";
    protected static final String SUB_SUB = "30000000000000000000000000000000";
    protected static final String SIBLING = "40000000000000000000000000000000";
    protected static final String OTHER_TOP = "50000000000000000000000000000000";

    /** The index under test; replaced by {@link #reopenIndex()}. */
    protected PassageIndex index;

    /** A fresh, empty index. Called once per test. */
    protected abstract PassageIndex create();

    /** Closes {@code old} and opens the same data again; by default the same instance (an index without files). */
    protected PassageIndex reopen(PassageIndex old) {
        return old;
    }

    @BeforeEach
    void createIndex() {
        index = create();
    }

    @AfterEach
    void closeIndex() {
        index.close();
    }

    protected final void reopenIndex() {
        index = reopen(index);
    }

    // ---- helpers

    protected final List<ScoredPassage> search(String accountId, String text) {
        return index.search(new SearchRequest(accountId, text, Set.of(), Set.of(), 10));
    }

    protected final List<Long> ids(List<ScoredPassage> hits) {
        return hits.stream().map(ScoredPassage::passageId).toList();
    }

    protected final List<Long> searchIds(String text, Set<String> folders, Set<Long> documents) {
        return ids(index.search(new SearchRequest(ACCOUNT, text, folders, documents, 100)));
    }

    private static IndexedPassage passage(long id, long documentId, List<String> folderPath, String text) {
        return indexed(id, ACCOUNT, documentId, folderPath, "manual-" + documentId + ".pdf", text);
    }

    /** Passages 1..5 in a tree: TOP, TOP/SUB, TOP/SUB/SUB_SUB, TOP/SIBLING and OTHER_TOP, all about pumps. */
    private void addTree() {
        index.add(List.of(
                passage(1, 101, List.of(TOP), "The pump in the top folder."),
                passage(2, 102, List.of(TOP, SUB), "The pump in the sub folder."),
                passage(3, 103, List.of(TOP, SUB, SUB_SUB), "The pump in the sub-sub folder."),
                passage(4, 104, List.of(TOP, SIBLING), "The pump in the sibling folder."),
                passage(5, 105, List.of(OTHER_TOP), "The pump in another top folder.")));
    }

    // ---- searching

    @Test
    void newIndexIsEmptyAtSequenceZero() {
        assertThat(index.appliedSequence()).isZero();
        assertThat(search(ACCOUNT, "pump")).isEmpty();
    }

    @Test
    void addedPassagesAreFoundByTheirWords() {
        index.add(List.of(
                passage(1, 100, List.of(TOP), "The centrifugal pump delivers thirty cubic metres per hour."),
                passage(2, 100, List.of(TOP), "Check the valve seals every six months."),
                passage(3, 200, List.of(TOP), "Warranty claims need the original invoice.")));

        assertThat(ids(search(ACCOUNT, "How often should the valve seals be checked?"))).first().isEqualTo(2L);
        assertThat(ids(search(ACCOUNT, "centrifugal pumps"))).containsExactly(1L);
        assertThat(ids(search(ACCOUNT, "invoice"))).containsExactly(3L);
        assertThat(search(ACCOUNT, "helicopter")).isEmpty();
    }

    @Test
    void titleIsSearchable() {
        index.add(List.of(indexed(1, ACCOUNT, 100, List.of(TOP), "Installation guide > Electrical wiring",
                "Connect the brown conductor first.")));

        assertThat(ids(search(ACCOUNT, "wiring"))).containsExactly(1L);
        assertThat(ids(search(ACCOUNT, "brown conductor"))).containsExactly(1L);
    }

    @Test
    void blankQueryFindsNothing() {
        addTree();

        assertThat(search(ACCOUNT, "")).isEmpty();
        assertThat(search(ACCOUNT, "   \t\n")).isEmpty();
    }

    @Test
    void searchNeverCrossesAccounts() {
        index.add(List.of(
                indexed(1, ACCOUNT, 100, List.of(TOP), "Manual", "The pump delivers thirty cubic metres per hour."),
                indexed(2, OTHER_ACCOUNT, 200, List.of(TOP), "Manual", "The pump delivers thirty cubic metres per hour."),
                indexed(3, OTHER_ACCOUNT, 201, List.of(OTHER_TOP), "Manual", "Pump pump pump, only pumps here.")));

        assertThat(ids(search(ACCOUNT, "pump"))).containsExactly(1L);
        assertThat(ids(search(OTHER_ACCOUNT, "pump"))).containsExactlyInAnyOrder(2L, 3L);
        assertThat(search("nobody", "pump")).isEmpty();
        assertThat(searchIds("pump", Set.of(TOP), Set.of(200L))).isEmpty();
    }

    @Test
    void folderScopeCoversTheWholeSubtreeAndNothingElse() {
        addTree();

        assertThat(searchIds("pump", Set.of(), Set.of())).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
        assertThat(searchIds("pump", Set.of(TOP), Set.of())).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        assertThat(searchIds("pump", Set.of(SUB), Set.of())).containsExactlyInAnyOrder(2L, 3L);
        assertThat(searchIds("pump", Set.of(SUB_SUB), Set.of())).containsExactly(3L);
        assertThat(searchIds("pump", Set.of(SIBLING), Set.of())).containsExactly(4L);
        assertThat(searchIds("pump", Set.of(SUB_SUB, OTHER_TOP), Set.of())).containsExactlyInAnyOrder(3L, 5L);
        assertThat(searchIds("pump", Set.of("60000000000000000000000000000000"), Set.of())).isEmpty();
    }

    @Test
    void documentScopeAndFolderScopeCombine() {
        addTree();
        index.add(List.of(passage(6, 102, List.of(TOP, SUB), "Another pump passage of the sub folder's document.")));

        assertThat(searchIds("pump", Set.of(), Set.of(102L))).containsExactlyInAnyOrder(2L, 6L);
        assertThat(searchIds("pump", Set.of(), Set.of(101L, 104L))).containsExactlyInAnyOrder(1L, 4L);
        assertThat(searchIds("pump", Set.of(SUB), Set.of(102L, 104L))).containsExactlyInAnyOrder(2L, 6L);
        assertThat(searchIds("pump", Set.of(SUB), Set.of(104L))).isEmpty();
        assertThat(searchIds("pump", Set.of(), Set.of(999L))).isEmpty();
    }

    @Test
    void passageWithTheRareQueryTermsRanksFirst() {
        List<IndexedPassage> passages = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            passages.add(passage(i, 100 + i, List.of(TOP), "The pump " + i + " is installed on a flat concrete base."));
        }
        passages.add(passage(21, 200, List.of(TOP),
                "Impeller cavitation in the pump causes noise; raise the suction pressure to stop it."));
        passages.add(passage(22, 201, List.of(TOP), "Noise from the motor fan is normal."));
        index.add(passages);

        List<ScoredPassage> hits = index.search(new SearchRequest(ACCOUNT, "pump impeller cavitation noise",
                Set.of(), Set.of(), 5));
        assertThat(ids(hits)).first().isEqualTo(21L);
        assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
    }

    @Test
    void scoresArePositiveAndDescendingAndTheLimitHolds() {
        List<IndexedPassage> passages = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            // Ever more mentions of "valve" in ever longer passages: scores differ, and many tie on length effects.
            passages.add(passage(i, 100 + i % 4, List.of(TOP), "valve ".repeat(1 + i % 5) + "filler text ".repeat(i)));
        }
        index.add(passages);

        List<ScoredPassage> top5 = index.search(new SearchRequest(ACCOUNT, "valve", Set.of(), Set.of(), 5));
        assertThat(top5).hasSize(5);
        assertThat(top5).extracting(ScoredPassage::score).allSatisfy(s -> assertThat(s).isPositive())
                .isSortedAccordingTo((a, b) -> Float.compare(b, a));

        List<ScoredPassage> all = index.search(new SearchRequest(ACCOUNT, "valve", Set.of(), Set.of(), 100));
        assertThat(all).hasSize(30);
        assertThat(all).extracting(ScoredPassage::score).isSortedAccordingTo((a, b) -> Float.compare(b, a));
        assertThat(ids(all)).doesNotHaveDuplicates();
        assertThat(all.get(0).score()).isEqualTo(top5.get(0).score());

        assertThat(index.search(new SearchRequest(ACCOUNT, "valve", Set.of(), Set.of(), 1))).hasSize(1);
    }

    // ---- languages

    @Test
    void chineseTextIsFoundByAChineseQuestion() {
        index.add(List.of(
                passage(1, 100, List.of(TOP), "本产品的最大流量为每小时三十立方米。"),
                passage(2, 100, List.of(TOP), "请每六个月检查一次阀门密封件。"),
                passage(3, 101, List.of(TOP), "The pump delivers thirty cubic metres per hour.")));

        assertThat(ids(search(ACCOUNT, "最大流量是多少"))).first().isEqualTo(1L);
        assertThat(ids(search(ACCOUNT, "阀门多久检查一次？"))).first().isEqualTo(2L);
    }

    @Test
    void mixedEnglishAndChineseTextIsFoundFromEitherLanguage() {
        index.add(List.of(
                passage(1, 100, List.of(TOP), "型号XG200的水泵最大扬程为五十米，rated power 7.5 kW。"),
                passage(2, 100, List.of(TOP), "The XG100 model is discontinued."),
                passage(3, 101, List.of(TOP), "电机的防护等级为IP55。")));

        assertThat(ids(search(ACCOUNT, "XG200 扬程"))).first().isEqualTo(1L);
        assertThat(ids(search(ACCOUNT, "rated power"))).containsExactly(1L);
        assertThat(ids(search(ACCOUNT, "水泵的扬程是多少？"))).first().isEqualTo(1L);
        assertThat(ids(search(ACCOUNT, "ip55 防护等级"))).first().isEqualTo(3L);
    }

    @Test
    void caseAndFullWidthFormsAreFolded() {
        index.add(List.of(
                passage(1, 100, List.of(TOP), "Replace the pump every ten years."),
                passage(2, 100, List.of(TOP), "ＦＬＯＷ　ＲＡＴＥ：３０ m³/h")));

        assertThat(ids(search(ACCOUNT, "ＰＵＭＰ"))).containsExactly(1L);
        assertThat(ids(search(ACCOUNT, "PUMP"))).containsExactly(1L);
        assertThat(ids(search(ACCOUNT, "flow rate"))).containsExactly(2L);
    }

    // ---- writes and the applied sequence

    @Test
    void removingADocumentRemovesOnlyItsPassages() {
        index.add(List.of(
                passage(1, 100, List.of(TOP), "pump alpha"),
                passage(2, 100, List.of(SUB), "pump beta"),
                passage(3, 200, List.of(TOP), "pump gamma")));

        index.removeDocument(100, 4);

        assertThat(ids(search(ACCOUNT, "pump"))).containsExactly(3L);
        assertThat(search(ACCOUNT, "alpha")).isEmpty();
        assertThat(index.appliedSequence()).isEqualTo(4);
        index.removeDocument(999, 5);
        assertThat(ids(search(ACCOUNT, "pump"))).containsExactly(3L);
        assertThat(index.appliedSequence()).isEqualTo(5);
    }

    @Test
    void addingAnExistingIdReplacesThePassage() {
        index.add(List.of(passage(1, 100, List.of(TOP), "The old text about compressors.")));
        index.add(List.of(passage(1, 100, List.of(SIBLING), "The new text about turbines.")));

        assertThat(search(ACCOUNT, "compressors")).isEmpty();
        assertThat(ids(search(ACCOUNT, "turbines"))).containsExactly(1L);
        assertThat(searchIds("turbines", Set.of(SIBLING), Set.of())).containsExactly(1L);
        assertThat(searchIds("turbines", Set.of(SUB), Set.of())).isEmpty();
        assertThat(ids(search(ACCOUNT, "text"))).containsExactly(1L);
    }

    @Test
    void appliedSequenceFollowsAddsAndRemovals() {
        index.add(List.of(passage(3, 100, List.of(TOP), "three"), passage(7, 100, List.of(TOP), "seven")));
        assertThat(index.appliedSequence()).isEqualTo(7);

        index.add(List.of(passage(5, 101, List.of(TOP), "five")));
        assertThat(index.appliedSequence()).isEqualTo(7);

        index.removeDocument(101, 9);
        assertThat(index.appliedSequence()).isEqualTo(9);

        index.removeDocument(100, 8);
        assertThat(index.appliedSequence()).isEqualTo(9);
        assertThat(search(ACCOUNT, "seven")).isEmpty();

        index.add(List.of());
        assertThat(index.appliedSequence()).isEqualTo(9);
    }

    @Test
    void clearEmptiesTheIndexAndResetsTheSequence() {
        addTree();
        index.removeDocument(999, 12);

        index.clear();

        assertThat(index.appliedSequence()).isZero();
        assertThat(search(ACCOUNT, "pump")).isEmpty();
        index.add(List.of(passage(2, 100, List.of(TOP), "pump again")));
        assertThat(ids(search(ACCOUNT, "pump"))).containsExactly(2L);
        assertThat(index.appliedSequence()).isEqualTo(2);
    }

    @Test
    void committedPassagesAndSequenceSurviveAReopen() {
        addTree();
        index.removeDocument(105, 6);
        index.commit();

        reopenIndex();

        assertThat(index.appliedSequence()).isEqualTo(6);
        assertThat(searchIds("pump", Set.of(), Set.of())).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        assertThat(searchIds("pump", Set.of(SUB), Set.of())).containsExactlyInAnyOrder(2L, 3L);
    }

    @Test
    void searchesRunWhileAnotherThreadWrites() throws Exception {
        int batches = 40;
        int batchSize = 5;
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> searchers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                searchers.add(pool.submit(() -> {
                    int searches = 0;
                    do {
                        List<ScoredPassage> hits = index.search(new SearchRequest(ACCOUNT, "pump unit", Set.of(TOP),
                                Set.of(), 20));
                        assertThat(hits.size()).isLessThanOrEqualTo(20);
                        assertThat(hits).extracting(ScoredPassage::score)
                                .isSortedAccordingTo((a, b) -> Float.compare(b, a));
                        assertThat(ids(hits)).allSatisfy(id -> assertThat(id).isBetween(1L, (long) batches * batchSize));
                        searches++;
                    } while (writing.get());
                    return searches;
                }));
            }
            Future<?> writer = pool.submit(() -> {
                try {
                    long id = 0;
                    for (int b = 0; b < batches; b++) {
                        List<IndexedPassage> batch = new ArrayList<>();
                        for (int i = 0; i < batchSize; i++) {
                            id++;
                            batch.add(passage(id, 1000 + b, List.of(TOP, SUB), "pump unit u" + id + " in service"));
                        }
                        index.add(batch);
                        if (b % 10 == 9) {
                            index.removeDocument(1000 + b - 5, id);
                        }
                    }
                } finally {
                    writing.set(false);
                }
            });
            writer.get(60, TimeUnit.SECONDS);
            for (Future<Integer> searcher : searchers) {
                assertThat(searcher.get(60, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(index.appliedSequence()).isEqualTo((long) batches * batchSize);
        assertThat(ids(search(ACCOUNT, "u1"))).containsExactly(1L);
        assertThat(ids(search(ACCOUNT, "u200"))).containsExactly(200L);
        // Document 1004 (ids 21 to 25) was removed after the tenth batch.
        assertThat(search(ACCOUNT, "u23")).isEmpty();
        assertThat(index.search(new SearchRequest(ACCOUNT, "pump", Set.of(), Set.of(), 100))).hasSize(100);
        assertThat(searchIds("service", Set.of(SUB), Set.of(1039L))).hasSize(batchSize);
    }

    // ---- vectors

    protected static final String SPACE = "test-space";
    protected static final String OTHER_SPACE = "other-space";

    /** A unit vector pointing mostly along axis {@code axis} of {@code dimension}, tilted by {@code tilt}. */
    protected static Embedding unit(String space, int dimension, int axis, float tilt) {
        float[] v = new float[dimension];
        v[axis] = 1;
        v[(axis + 1) % dimension] = tilt;
        return new Embedding(space, Embedding.normalize(v));
    }

    protected final List<Long> nearestIds(Set<String> folders, Set<Long> documents, Embedding... query) {
        return ids(index.nearest(new SearchRequest(ACCOUNT, "", folders, documents, 100), List.of(query)));
    }

    /** The tree of {@link #addTree()}, each passage with a vector leaning a little more off axis 0 than the last. */
    private void addTreeWithVectors(long vectorSequence) {
        addTree();
        List<IndexedPassage> withVectors = new ArrayList<>();
        withVectors.add(passage(1, 101, List.of(TOP), "The pump in the top folder.").withVector(unit(SPACE, 8, 0, 0.1f)));
        withVectors.add(passage(2, 102, List.of(TOP, SUB), "The pump in the sub folder.")
                .withVector(unit(SPACE, 8, 0, 0.2f)));
        withVectors.add(passage(3, 103, List.of(TOP, SUB, SUB_SUB), "The pump in the sub-sub folder.")
                .withVector(unit(SPACE, 8, 0, 0.3f)));
        withVectors.add(passage(4, 104, List.of(TOP, SIBLING), "The pump in the sibling folder.")
                .withVector(unit(SPACE, 8, 0, 0.4f)));
        withVectors.add(passage(5, 105, List.of(OTHER_TOP), "The pump in another top folder.")
                .withVector(unit(SPACE, 8, 0, 0.5f)));
        index.addVectors(withVectors, vectorSequence);
    }

    @Test
    void nearestFindsPassagesByVectorBestFirstWithTheirCosines() {
        addTreeWithVectors(7);
        Embedding query = unit(SPACE, 8, 0, 0);

        List<ScoredPassage> hits = index.nearest(new SearchRequest(ACCOUNT, "", Set.of(), Set.of(), 3), List.of(query));

        assertThat(ids(hits)).containsExactly(1L, 2L, 3L);
        float expected = query.dot(unit(SPACE, 8, 0, 0.1f).vector());
        assertThat(hits.get(0).score()).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-3f));
        assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
        // Words still work, and vectors did not move the change sequence.
        assertThat(searchIds("pump", Set.of(), Set.of())).hasSize(5);
        assertThat(index.appliedSequence()).isEqualTo(5);
        assertThat(index.appliedVectorSequence()).isEqualTo(7);
    }

    @Test
    void nearestUsesTheSameScopeAsWordSearch() {
        addTreeWithVectors(5);
        Embedding q = unit(SPACE, 8, 0, 0);

        assertThat(nearestIds(Set.of(TOP), Set.of(), q)).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        assertThat(nearestIds(Set.of(SUB), Set.of(), q)).containsExactlyInAnyOrder(2L, 3L);
        assertThat(nearestIds(Set.of(SUB_SUB, OTHER_TOP), Set.of(), q)).containsExactlyInAnyOrder(3L, 5L);
        assertThat(nearestIds(Set.of(), Set.of(101L, 104L), q)).containsExactlyInAnyOrder(1L, 4L);
        assertThat(nearestIds(Set.of(SUB), Set.of(104L), q)).isEmpty();
        assertThat(index.nearest(new SearchRequest(OTHER_ACCOUNT, "", Set.of(), Set.of(), 10), List.of(q))).isEmpty();
    }

    @Test
    void vectorsOfAnotherSpaceOrLengthAreNeverCompared() {
        addTreeWithVectors(5);

        assertThat(nearestIds(Set.of(), Set.of(), unit(OTHER_SPACE, 8, 0, 0))).isEmpty();
        assertThat(nearestIds(Set.of(), Set.of(), unit(SPACE, 4, 0, 0))).isEmpty();
        assertThat(nearestIds(Set.of(), Set.of())).isEmpty();
    }

    @Test
    void aPassageFoundInTwoSpacesKeepsItsBestSimilarity() {
        index.add(List.of(passage(1, 100, List.of(TOP), "English."), passage(2, 100, List.of(TOP), "中文。")));
        index.addVectors(List.of(
                passage(1, 100, List.of(TOP), "English.").withVector(unit(SPACE, 8, 0, 0.2f)),
                passage(2, 100, List.of(TOP), "中文。").withVector(unit(OTHER_SPACE, 4, 1, 0.1f))), 2);

        List<ScoredPassage> hits = index.nearest(new SearchRequest(ACCOUNT, "", Set.of(), Set.of(), 10),
                List.of(unit(SPACE, 8, 0, 0), unit(OTHER_SPACE, 4, 1, 0)));

        assertThat(ids(hits)).containsExactly(2L, 1L);
    }

    @Test
    void passagesWithoutVectorsAreNotFoundByMeaningAndRemovalTakesVectorsAlong() {
        addTreeWithVectors(5);
        index.add(List.of(passage(6, 106, List.of(TOP), "A pump without a vector yet.")));
        index.removeDocument(101, 7);

        assertThat(nearestIds(Set.of(), Set.of(), unit(SPACE, 8, 0, 0))).containsExactly(2L, 3L, 4L, 5L);
    }

    @Test
    void theScopeIsAppliedBeforeTheNeighboursAreChosen() {
        // Many passages near the query outside the scope, a few far from it inside: a filter applied after an
        // approximate search would lose the few.
        java.util.Random random = new java.util.Random(42);
        List<IndexedPassage> passages = new ArrayList<>();
        for (int i = 1; i <= 400; i++) {
            boolean inScope = i % 80 == 0;
            float[] v = new float[16];
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) random.nextGaussian() * 0.1f;
            }
            v[inScope ? 1 : 0] += 1;
            passages.add(passage(i, inScope ? 900 : 800, List.of(inScope ? SUB : TOP), "passage " + i)
                    .withVector(new Embedding(SPACE, Embedding.normalize(v))));
        }
        index.add(passages);
        index.addVectors(passages, 400);
        Embedding query = unit(SPACE, 16, 0, 0);

        assertThat(ids(index.nearest(new SearchRequest(ACCOUNT, "", Set.of(SUB), Set.of(), 10), List.of(query))))
                .containsExactlyInAnyOrder(80L, 160L, 240L, 320L, 400L);
        assertThat(ids(index.nearest(new SearchRequest(ACCOUNT, "", Set.of(), Set.of(900L), 3), List.of(query))))
                .hasSize(3).allMatch(id -> id % 80 == 0);
        assertThat(index.nearest(new SearchRequest(ACCOUNT, "", Set.of(), Set.of(), 10), List.of(query)))
                .hasSize(10).extracting(ScoredPassage::passageId).noneMatch(id -> id % 80 == 0);
    }

    @Test
    void clearResetsTheVectorSequence() {
        addTreeWithVectors(9);
        index.clear();

        assertThat(index.appliedVectorSequence()).isZero();
        assertThat(nearestIds(Set.of(), Set.of(), unit(SPACE, 8, 0, 0))).isEmpty();
    }

    @Test
    void committedVectorsAndTheirSequenceSurviveAReopen() {
        addTreeWithVectors(11);
        index.commit();
        reopenIndex();

        assertThat(index.appliedVectorSequence()).isEqualTo(11);
        assertThat(nearestIds(Set.of(), Set.of(), unit(SPACE, 8, 0, 0))).containsExactly(1L, 2L, 3L, 4L, 5L);
    }
}
