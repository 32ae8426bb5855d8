package io.docchat.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.docchat.core.port.IndexedPassage;
import io.docchat.core.port.ScoredPassage;
import io.docchat.core.port.SearchRequest;
import io.docchat.core.text.analysis.TextAnalyzer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random sequences of adds, replacements and removals, after each of which the index must rank exactly as a plain
 * BM25 computed from scratch over the passages that should be live. This exercises the slot reuse and the posting
 * lists' swap-on-removal, which the contract's small cases barely touch.
 */
class InMemoryPassageIndexRandomizedTest {

    private static final String[] WORDS = {"pump", "valve", "motor", "seal", "flow", "pressure", "noise", "filter",
        "流量", "阀门", "电机", "压力"};
    private static final List<String> FOLDERS = List.of("a", "b", "c");

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 20240301})
    void rankingMatchesAFreshComputationAfterEveryChange(long seed) {
        Random random = new Random(seed);
        Map<Long, IndexedPassage> live = new TreeMap<>();
        long nextId = 1;
        try (InMemoryPassageIndex index = new InMemoryPassageIndex()) {
            for (int step = 0; step < 150; step++) {
                int action = random.nextInt(10);
                if (action < 6 || live.isEmpty()) {
                    List<IndexedPassage> batch = new ArrayList<>();
                    for (int i = random.nextInt(6); i >= 0; i--) {
                        batch.add(randomPassage(random, nextId++));
                    }
                    index.add(batch);
                    batch.forEach(p -> live.put(p.id(), p));
                } else if (action < 8) {
                    List<Long> ids = new ArrayList<>(live.keySet());
                    IndexedPassage replacement = randomPassage(random, ids.get(random.nextInt(ids.size())));
                    index.add(List.of(replacement));
                    live.put(replacement.id(), replacement);
                } else {
                    List<Long> ids = new ArrayList<>(live.keySet());
                    long documentId = live.get(ids.get(random.nextInt(ids.size()))).documentId();
                    index.removeDocument(documentId, nextId);
                    live.values().removeIf(p -> p.documentId() == documentId);
                }
                String query = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)];
                Set<String> folders = random.nextBoolean() ? Set.of() : Set.of(FOLDERS.get(random.nextInt(3)));
                SearchRequest request = new SearchRequest("acme", query, folders, Set.of(), 1000);

                List<ScoredPassage> actual = index.search(request);
                List<ScoredPassage> expected = referenceSearch(live.values(), request);
                assertThat(actual).extracting(ScoredPassage::passageId).as("step %d, query %s", step, query)
                        .containsExactlyElementsOf(expected.stream().map(ScoredPassage::passageId).toList());
                for (int i = 0; i < actual.size(); i++) {
                    assertThat(actual.get(i).score()).isCloseTo(expected.get(i).score(), within(1e-4f));
                }
            }
        }
    }

    private static IndexedPassage randomPassage(Random random, long id) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i >= 0; i--) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        String folder = FOLDERS.get(random.nextInt(3));
        List<String> path = folder.equals("c") ? List.of("b", "c") : List.of(folder);
        String account = random.nextInt(8) == 0 ? "globex" : "acme";
        return new IndexedPassage(id, account, 1 + random.nextInt(15), path, "", text.toString());
    }

    /** BM25 with k1 0.9 and b 0.4, straight from the definition, over every live passage of every account. */
    private static List<ScoredPassage> referenceSearch(Iterable<IndexedPassage> live, SearchRequest request) {
        List<List<String>> termLists = new ArrayList<>();
        List<IndexedPassage> passages = new ArrayList<>();
        long totalLength = 0;
        for (IndexedPassage p : live) {
            List<String> terms = TextAnalyzer.terms(p.text());
            passages.add(p);
            termLists.add(terms);
            totalLength += terms.size();
        }
        int n = passages.size();
        double averageLength = Math.max(1.0, (double) totalLength / Math.max(1, n));
        List<ScoredPassage> hits = new ArrayList<>();
        Set<String> queryTerms = new HashSet<>(TextAnalyzer.terms(request.text()));
        for (int i = 0; i < n; i++) {
            IndexedPassage p = passages.get(i);
            boolean inFolder = request.folderIds().isEmpty()
                    || p.folderPath().stream().anyMatch(request.folderIds()::contains);
            if (!p.accountId().equals(request.accountId()) || !inFolder) {
                continue;
            }
            double score = 0;
            for (String term : queryTerms) {
                int tf = Collections.frequency(termLists.get(i), term);
                if (tf == 0) {
                    continue;
                }
                long df = termLists.stream().filter(t -> t.contains(term)).count();
                double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
                double norm = 0.9 * (1 - 0.4 + 0.4 * termLists.get(i).size() / averageLength);
                score += idf * tf * 1.9 / (tf + norm);
            }
            if (score > 0) {
                hits.add(new ScoredPassage(p.id(), (float) score));
            }
        }
        hits.sort((a, b) -> a.score() != b.score() ? Float.compare(b.score(), a.score())
                : Long.compare(a.passageId(), b.passageId()));
        return hits;
    }
}
