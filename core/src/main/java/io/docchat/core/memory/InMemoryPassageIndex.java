package io.docchat.core.memory;

import io.docchat.core.model.IndexedPassage;
import io.docchat.core.model.ScoredPassage;
import io.docchat.core.model.SearchRequest;
import io.docchat.core.port.PassageIndex;
import io.docchat.core.text.TextAnalyzer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A {@link PassageIndex} held in memory, ranking with BM25 ({@code k1 = 0.9}, {@code b = 0.4}) over the
 * {@link TextAnalyzer} terms of each passage's title and text.
 *
 * <p>An inverted index (term to passage to term frequency) means a search touches only the passages that share a term
 * with the query, and document frequencies are the posting lists' sizes, so neither searching nor adding grows with
 * the square of anything. Scope filters are exact. Searches share a read lock; writes take the write lock.
 *
 * <p>Nothing is durable: {@link #commit()} has nothing to do, and a new instance starts empty at sequence 0.
 */
public final class InMemoryPassageIndex implements PassageIndex {

    private static final double K1 = 0.9;
    private static final double B = 0.4;
    private static final Comparator<ScoredPassage> BEST_FIRST = Comparator.comparingDouble(ScoredPassage::score)
            .reversed().thenComparingLong(ScoredPassage::passageId);

    /** What the index keeps per passage: its scope fields, its length in terms, and its distinct terms for removal. */
    private record Entry(IndexedPassage passage, int length, String[] terms) {}

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<Long, Entry> entries = new HashMap<>();
    /** term -> passage id -> frequency of the term in that passage. */
    private final Map<String, Map<Long, Integer>> postings = new HashMap<>();
    private final Map<Long, Set<Long>> passagesByDocument = new HashMap<>();
    private long totalLength;
    private long appliedSequence;
    private boolean closed;

    /** An empty index at sequence 0. */
    public InMemoryPassageIndex() {}

    @Override
    public void add(List<IndexedPassage> passages) {
        Objects.requireNonNull(passages, "passages");
        // Analysis is the expensive part and needs no lock.
        List<Map<String, Integer>> analysed = new ArrayList<>(passages.size());
        for (IndexedPassage p : passages) {
            analysed.add(termFrequencies(p));
        }
        lock.writeLock().lock();
        try {
            ensureOpen();
            for (int i = 0; i < passages.size(); i++) {
                IndexedPassage p = passages.get(i);
                remove(p.id());
                Map<String, Integer> frequencies = analysed.get(i);
                int length = 0;
                for (Map.Entry<String, Integer> tf : frequencies.entrySet()) {
                    postings.computeIfAbsent(tf.getKey(), t -> new HashMap<>()).put(p.id(), tf.getValue());
                    length += tf.getValue();
                }
                entries.put(p.id(), new Entry(p, length, frequencies.keySet().toArray(String[]::new)));
                passagesByDocument.computeIfAbsent(p.documentId(), d -> new HashSet<>()).add(p.id());
                totalLength += length;
                appliedSequence = Math.max(appliedSequence, p.id());
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void removeDocument(long documentId, long sequence) {
        lock.writeLock().lock();
        try {
            ensureOpen();
            Set<Long> ids = passagesByDocument.get(documentId);
            if (ids != null) {
                for (Long id : List.copyOf(ids)) {
                    remove(id);
                }
            }
            appliedSequence = Math.max(appliedSequence, sequence);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes one passage from every structure; called with the write lock held. */
    private void remove(long passageId) {
        Entry old = entries.remove(passageId);
        if (old == null) {
            return;
        }
        for (String term : old.terms()) {
            Map<Long, Integer> posting = postings.get(term);
            posting.remove(passageId);
            if (posting.isEmpty()) {
                postings.remove(term);
            }
        }
        Set<Long> ofDocument = passagesByDocument.get(old.passage().documentId());
        ofDocument.remove(passageId);
        if (ofDocument.isEmpty()) {
            passagesByDocument.remove(old.passage().documentId());
        }
        totalLength -= old.length();
    }

    @Override
    public List<ScoredPassage> search(SearchRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.limit() < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + request.limit());
        }
        // Each distinct query term counts once: repeating a word in a question should not outweigh a rarer one.
        Set<String> queryTerms = new LinkedHashSet<>(TextAnalyzer.terms(request.text()));
        if (queryTerms.isEmpty()) {
            return List.of();
        }
        lock.readLock().lock();
        try {
            ensureOpen();
            int n = entries.size();
            if (n == 0) {
                return List.of();
            }
            double averageLength = Math.max(1.0, (double) totalLength / n);
            Map<Long, double[]> scores = new HashMap<>();
            for (String term : queryTerms) {
                Map<Long, Integer> posting = postings.get(term);
                if (posting == null) {
                    continue;
                }
                int df = posting.size();
                double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
                for (Map.Entry<Long, Integer> hit : posting.entrySet()) {
                    double[] score = scores.get(hit.getKey());
                    if (score == null) {
                        Entry entry = entries.get(hit.getKey());
                        // Out-of-scope passages are remembered as NaN so the scope is checked once per passage.
                        score = new double[] {inScope(entry.passage(), request) ? 0 : Double.NaN};
                        scores.put(hit.getKey(), score);
                    }
                    if (Double.isNaN(score[0])) {
                        continue;
                    }
                    int length = entries.get(hit.getKey()).length();
                    double tf = hit.getValue();
                    double norm = K1 * (1 - B + B * length / averageLength);
                    score[0] += idf * tf * (K1 + 1) / (tf + norm);
                }
            }
            return best(scores, request.limit());
        } finally {
            lock.readLock().unlock();
        }
    }

    private static boolean inScope(IndexedPassage p, SearchRequest request) {
        if (!p.accountId().equals(request.accountId())) {
            return false;
        }
        if (!request.documentIds().isEmpty() && !request.documentIds().contains(p.documentId())) {
            return false;
        }
        if (request.folderIds().isEmpty()) {
            return true;
        }
        for (String folderId : p.folderPath()) {
            if (request.folderIds().contains(folderId)) {
                return true;
            }
        }
        return false;
    }

    /** The {@code limit} highest scores, best first; equal scores in ascending id order so results are stable. */
    private static List<ScoredPassage> best(Map<Long, double[]> scores, int limit) {
        PriorityQueue<ScoredPassage> worstFirst = new PriorityQueue<>(limit + 1, BEST_FIRST.reversed());
        for (Map.Entry<Long, double[]> e : scores.entrySet()) {
            double score = e.getValue()[0];
            if (Double.isNaN(score) || score <= 0) {
                continue;
            }
            worstFirst.add(new ScoredPassage(e.getKey(), (float) score));
            if (worstFirst.size() > limit) {
                worstFirst.poll();
            }
        }
        List<ScoredPassage> out = new ArrayList<>(worstFirst);
        out.sort(BEST_FIRST);
        return out;
    }

    private static Map<String, Integer> termFrequencies(IndexedPassage p) {
        Map<String, Integer> frequencies = new HashMap<>();
        for (String term : TextAnalyzer.terms(p.title())) {
            frequencies.merge(term, 1, Integer::sum);
        }
        for (String term : TextAnalyzer.terms(p.text())) {
            frequencies.merge(term, 1, Integer::sum);
        }
        return frequencies;
    }

    @Override
    public long appliedSequence() {
        lock.readLock().lock();
        try {
            return appliedSequence;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void commit() {
        lock.readLock().lock();
        try {
            ensureOpen();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void clear() {
        lock.writeLock().lock();
        try {
            ensureOpen();
            entries.clear();
            postings.clear();
            passagesByDocument.clear();
            totalLength = 0;
            appliedSequence = 0;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            closed = true;
            entries.clear();
            postings.clear();
            passagesByDocument.clear();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the passage index is closed");
        }
    }
}
