package io.docchat.core.memory;

import io.docchat.core.port.Embedding;
import io.docchat.core.port.IndexedPassage;
import io.docchat.core.port.ScoredPassage;
import io.docchat.core.port.SearchRequest;
import io.docchat.core.port.PassageIndex;
import io.docchat.core.port.ScoredPassage;
import io.docchat.core.port.SearchRequest;
import io.docchat.core.text.analysis.TextAnalyzer;
import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>An inverted index (term to the passages holding it, with frequencies) means a search touches only the passages
 * that share a term with the query, and a term's document frequency is its posting list's size, so neither searching
 * nor adding grows with the square of anything. Passages live in dense slots so that a search accumulates scores in
 * plain arrays rather than one object per candidate. Scope filters are exact. Searches share a read lock; writes
 * take the write lock.
 *
 * <p>Nothing is durable: {@link #commit()} has nothing to do, and a new instance starts empty at sequence 0.
 */
public final class InMemoryPassageIndex implements PassageIndex {

    private static final double K1 = 0.9;
    private static final double B = 0.4;
    private static final Comparator<ScoredPassage> BEST_FIRST = Comparator.comparingDouble(ScoredPassage::score)
            .reversed().thenComparingLong(ScoredPassage::passageId);

    private static final byte UNSEEN = 0;
    private static final byte IN_SCOPE = 1;
    private static final byte OUT_OF_SCOPE = 2;

    /**
     * A passage in its slot: its distinct terms and, for each, its position in that term's posting list, so that
     * removal takes constant time per term.
     */
    private static final class Entry {
        final IndexedPassage passage;
        final String[] terms;
        final int[] positions;

        Entry(IndexedPassage passage, String[] terms) {
            this.passage = passage;
            this.terms = terms;
            this.positions = new int[terms.length];
        }
    }

    /** The slots holding one term, with the term's frequency in each; unordered, removal swaps in the last one. */
    private static final class Postings {
        int[] slots = new int[4];
        int[] frequencies = new int[4];
        /** For each position, the index of this term in the entry's {@code terms}, to update a moved entry. */
        int[] termIndexes = new int[4];
        int size;

        int add(int slot, int frequency, int termIndex) {
            if (size == slots.length) {
                int capacity = size * 2;
                slots = Arrays.copyOf(slots, capacity);
                frequencies = Arrays.copyOf(frequencies, capacity);
                termIndexes = Arrays.copyOf(termIndexes, capacity);
            }
            slots[size] = slot;
            frequencies[size] = frequency;
            termIndexes[size] = termIndex;
            return size++;
        }
    }

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private Entry[] entries = new Entry[64];
    private int[] lengths = new int[64];
    /** Slots below this have been used; freed slots among them are on the free stack. */
    private int slotLimit;
    private int[] freeSlots = new int[16];
    private int freeCount;
    private int passageCount;
    private final Map<Long, Integer> slotById = new HashMap<>();
    private final Map<String, Postings> postings = new HashMap<>();
    private final Map<Long, Set<Long>> passagesByDocument = new HashMap<>();
    private long totalLength;
    private long appliedSequence;
    private long appliedVectorSequence;
    private boolean closed;

    /** An empty index at sequence 0. */
    public InMemoryPassageIndex() {}

    @Override
    public void add(List<IndexedPassage> passages) {
        write(passages, true);
    }

    @Override
    public void addVectors(List<IndexedPassage> passages, long vectorSequence) {
        write(passages, false);
        lock.writeLock().lock();
        try {
            appliedVectorSequence = Math.max(appliedVectorSequence, vectorSequence);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void write(List<IndexedPassage> passages, boolean movesSequence) {
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
                insert(p, analysed.get(i));
                if (movesSequence) {
                    appliedSequence = Math.max(appliedSequence, p.id());
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void insert(IndexedPassage p, Map<String, Integer> frequencies) {
        int slot = allocateSlot();
        Entry entry = new Entry(p, frequencies.keySet().toArray(String[]::new));
        int length = 0;
        for (int t = 0; t < entry.terms.length; t++) {
            int frequency = frequencies.get(entry.terms[t]);
            entry.positions[t] = postings.computeIfAbsent(entry.terms[t], term -> new Postings())
                    .add(slot, frequency, t);
            length += frequency;
        }
        entries[slot] = entry;
        lengths[slot] = length;
        slotById.put(p.id(), slot);
        passagesByDocument.computeIfAbsent(p.documentId(), d -> new HashSet<>()).add(p.id());
        totalLength += length;
        passageCount++;
    }

    private int allocateSlot() {
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        if (slotLimit == entries.length) {
            entries = Arrays.copyOf(entries, slotLimit * 2);
            lengths = Arrays.copyOf(lengths, slotLimit * 2);
        }
        return slotLimit++;
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
        Integer boxedSlot = slotById.remove(passageId);
        if (boxedSlot == null) {
            return;
        }
        int slot = boxedSlot;
        Entry old = entries[slot];
        for (int t = 0; t < old.terms.length; t++) {
            Postings posting = postings.get(old.terms[t]);
            int position = old.positions[t];
            int last = --posting.size;
            if (position != last) {
                int movedSlot = posting.slots[last];
                int movedTermIndex = posting.termIndexes[last];
                posting.slots[position] = movedSlot;
                posting.frequencies[position] = posting.frequencies[last];
                posting.termIndexes[position] = movedTermIndex;
                entries[movedSlot].positions[movedTermIndex] = position;
            }
            if (posting.size == 0) {
                postings.remove(old.terms[t]);
            }
        }
        Set<Long> ofDocument = passagesByDocument.get(old.passage.documentId());
        ofDocument.remove(passageId);
        if (ofDocument.isEmpty()) {
            passagesByDocument.remove(old.passage.documentId());
        }
        totalLength -= lengths[slot];
        entries[slot] = null;
        lengths[slot] = 0;
        if (freeCount == freeSlots.length) {
            freeSlots = Arrays.copyOf(freeSlots, freeCount * 2);
        }
        freeSlots[freeCount++] = slot;
        passageCount--;
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
            int n = passageCount;
            if (n == 0) {
                return List.of();
            }
            double averageLength = Math.max(1.0, (double) totalLength / n);
            double[] scores = new double[slotLimit];
            byte[] states = new byte[slotLimit];
            int[] candidates = new int[Math.min(slotLimit, 1024)];
            int candidateCount = 0;
            for (String term : queryTerms) {
                Postings posting = postings.get(term);
                if (posting == null) {
                    continue;
                }
                int df = posting.size;
                double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
                for (int i = 0; i < posting.size; i++) {
                    int slot = posting.slots[i];
                    byte state = states[slot];
                    if (state == UNSEEN) {
                        // The scope is checked once per passage, however many query terms it holds.
                        state = inScope(entries[slot].passage, request) ? IN_SCOPE : OUT_OF_SCOPE;
                        states[slot] = state;
                        if (state == IN_SCOPE) {
                            if (candidateCount == candidates.length) {
                                candidates = Arrays.copyOf(candidates, Math.min(slotLimit, candidateCount * 2));
                            }
                            candidates[candidateCount++] = slot;
                        }
                    }
                    if (state == OUT_OF_SCOPE) {
                        continue;
                    }
                    double tf = posting.frequencies[i];
                    double norm = K1 * (1 - B + B * lengths[slot] / averageLength);
                    scores[slot] += idf * tf * (K1 + 1) / (tf + norm);
                }
            }
            return best(scores, candidates, candidateCount, request.limit());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Compares the query with every vector in scope: exact, and fast enough for the sizes this index is meant for. */
    @Override
    public List<ScoredPassage> nearest(SearchRequest request, List<Embedding> queryVectors) {
        Objects.requireNonNull(request, "request");
        if (request.limit() < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + request.limit());
        }
        if (queryVectors.isEmpty()) {
            return List.of();
        }
        lock.readLock().lock();
        try {
            ensureOpen();
            PriorityQueue<ScoredPassage> worstFirst = new PriorityQueue<>(request.limit() + 1, BEST_FIRST.reversed());
            for (int slot = 0; slot < slotLimit; slot++) {
                Entry entry = entries[slot];
                if (entry == null || entry.passage.vector() == null || !inScope(entry.passage, request)) {
                    continue;
                }
                Embedding vector = entry.passage.vector();
                float best = Float.NEGATIVE_INFINITY;
                for (Embedding query : queryVectors) {
                    if (query.space().equals(vector.space()) && query.vector().length == vector.vector().length) {
                        best = Math.max(best, vector.dot(query.vector()));
                    }
                }
                if (best == Float.NEGATIVE_INFINITY) {
                    continue;
                }
                worstFirst.add(new ScoredPassage(entry.passage.id(), best));
                if (worstFirst.size() > request.limit()) {
                    worstFirst.poll();
                }
            }
            List<ScoredPassage> out = new ArrayList<>(worstFirst);
            out.sort(BEST_FIRST);
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public long appliedVectorSequence() {
        lock.readLock().lock();
        try {
            return appliedVectorSequence;
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

    /**
     * The {@code limit} highest scores, best first; equal scores in ascending id order so results are stable. A hit
     * object is made only for a candidate that enters the heap.
     */
    private List<ScoredPassage> best(double[] scores, int[] candidates, int candidateCount, int limit) {
        PriorityQueue<ScoredPassage> worstFirst = new PriorityQueue<>(Math.min(limit, candidateCount) + 1,
                BEST_FIRST.reversed());
        for (int c = 0; c < candidateCount; c++) {
            int slot = candidates[c];
            float score = (float) scores[slot];
            if (score <= 0) {
                continue;
            }
            long id = entries[slot].passage.id();
            if (worstFirst.size() == limit) {
                ScoredPassage worst = worstFirst.peek();
                if (score < worst.score() || score == worst.score() && id > worst.passageId()) {
                    continue;
                }
                worstFirst.poll();
            }
            worstFirst.add(new ScoredPassage(id, score));
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
            reset();
            appliedSequence = 0;
            appliedVectorSequence = 0;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            closed = true;
            reset();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void reset() {
        entries = new Entry[64];
        lengths = new int[64];
        slotLimit = 0;
        freeCount = 0;
        passageCount = 0;
        slotById.clear();
        postings.clear();
        passagesByDocument.clear();
        totalLength = 0;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the passage index is closed");
        }
    }
}
