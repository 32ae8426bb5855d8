package io.docchat.lucene;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.port.Embedding;
import io.docchat.core.port.IndexedPassage;
import io.docchat.core.port.PassageIndex;
import io.docchat.core.port.ScoredPassage;
import io.docchat.core.port.SearchRequest;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PassageIndex} on Lucene: BM25 over English and Chinese text in one index, with exact scope filters.
 *
 * <p>A search sees every write that returned before it started: writes count themselves and the next search refreshes
 * the searcher first when it is behind. Refreshing lazily, rather than after each write, keeps ingestion fast (one small batch per
 * document would otherwise flush a tiny segment each) while keeping near-real-time visibility exact. {@link #commit()} makes the
 * writes durable and records the applied change sequence in the commit's user data; {@link #close()} discards whatever
 * was not committed, exactly as a crash would, and the next {@link #open} reports the committed sequence so the engine
 * can replay the rest from the store.
 *
 * <p>Writes must come from one thread at a time (a large batch is then written on every core, see
 * {@link IndexingThreads}); searches may run concurrently with writes and with each other.
 */
public final class LucenePassageIndex implements PassageIndex {

    private static final Logger log = LoggerFactory.getLogger(LucenePassageIndex.class);

    /** Key of the applied change sequence in the commit user data. */
    static final String APPLIED_SEQUENCE_KEY = "docchat.appliedSequence";
    /** Key of the index-time analysis ({@link PassageFields#signature()}) in the commit user data. */
    static final String ANALYSIS_KEY = "docchat.analysis";
    /** Key of the applied vector-log sequence in the commit user data. */
    static final String APPLIED_VECTOR_SEQUENCE_KEY = "docchat.appliedVectorSequence";

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final PassageFields fields;
    private final PassageQueryBuilder queries;
    private final IndexingThreads indexing = IndexingThreads.forThisMachine();
    private final String description;
    private final Object refreshLock = new Object();
    private volatile long appliedSequence;
    private volatile long appliedVectorSequence;
    /** The highest passage id handed to the writer since open or clear (writer thread only). */
    private long highestIdWritten;
    /** Counts completed writes; the searcher covers every write up to {@link #searchableGeneration}. */
    private final AtomicLong writeGeneration = new AtomicLong();
    private volatile long searchableGeneration;
    /** Set by every search, cleared by a refresh: while searches come, writes refresh the searcher themselves. */
    private volatile boolean searchedSinceRefresh;
    private volatile boolean closed;

    private LucenePassageIndex(Directory directory, LuceneIndexSettings settings, String description)
            throws IOException {
        this.directory = directory;
        this.description = description;
        Analyzer analyzer = analyzer();
        BM25Similarity similarity = new BM25Similarity(settings.k1(), settings.b());
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setSimilarity(similarity)
                // What was not committed must vanish on close, as it would in a crash: the store replays it.
                .setCommitOnClose(false)
                .setRAMBufferSizeMB(64);
        this.fields = new PassageFields(settings.chineseSegmentation(), settings.wordPairBoost() > 0);
        this.writer = new IndexWriter(directory, config);
        try {
            String builtWith = committedValue(writer, ANALYSIS_KEY);
            if (builtWith != null && !builtWith.equals(fields.signature())) {
                // Terms indexed another way would silently not match: start empty and let the store rebuild it.
                log.warn("passage index {} was built with analysis '{}' but is opened with '{}': it starts empty "
                        + "and is rebuilt from the store", description, builtWith, fields.signature());
                writer.deleteAll();
                this.appliedSequence = 0;
                this.appliedVectorSequence = 0;
            } else {
                String sequence = committedValue(writer, APPLIED_SEQUENCE_KEY);
                this.appliedSequence = sequence == null ? 0 : Long.parseLong(sequence);
                String vectorSequence = committedValue(writer, APPLIED_VECTOR_SEQUENCE_KEY);
                this.appliedVectorSequence = vectorSequence == null ? 0 : Long.parseLong(vectorSequence);
            }
            this.searchers = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
                    IndexSearcher searcher = new IndexSearcher(reader);
                    searcher.setSimilarity(similarity);
                    return searcher;
                }
            });
        } catch (IOException | RuntimeException e) {
            writer.rollback();
            throw e;
        }
        this.queries = new PassageQueryBuilder(analyzer, fields.textFields(), settings.titleBoost(),
                settings.wordPairBoost());
        log.debug("opened passage index {} at applied sequence {}", description, appliedSequence);
    }

    /** Opens (creating if needed) the index in {@code directory} with the default settings. */
    public static LucenePassageIndex open(Path directory) {
        return open(directory, LuceneIndexSettings.defaults());
    }

    /** Opens (creating if needed) the index in {@code directory}. */
    public static LucenePassageIndex open(Path directory, LuceneIndexSettings settings) {
        Directory dir = null;
        try {
            Files.createDirectories(directory);
            dir = FSDirectory.open(directory);
            return new LucenePassageIndex(dir, settings, directory.toString());
        } catch (IOException | RuntimeException e) {
            closeQuietly(dir, e);
            throw new DocChatException(ErrorCode.STORAGE_FAILURE,
                    "cannot open the passage index in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** A new, empty index held in memory, with the default settings: for tests and small embedded uses. */
    public static LucenePassageIndex inMemory() {
        return inMemory(LuceneIndexSettings.defaults());
    }

    /** A new, empty index held in memory. */
    public static LucenePassageIndex inMemory(LuceneIndexSettings settings) {
        try {
            return new LucenePassageIndex(new ByteBuffersDirectory(), settings, "in memory");
        } catch (IOException e) {
            throw new DocChatException(ErrorCode.STORAGE_FAILURE, "cannot create an in-memory passage index", e);
        }
    }

    @Override
    public void add(List<IndexedPassage> passages) {
        ensureOpen();
        if (passages.isEmpty()) {
            return;
        }
        // Validate the whole batch first, so a bad passage leaves the index as it was.
        passages.forEach(LucenePassageIndex::validate);
        long highest = Math.max(appliedSequence, highestIdWritten);
        long batchHighest = 0;
        // Decided in the batch's order: an id above everything ever written (this batch included) cannot be in the
        // index, so adding it skips the delete-by-id that a replace costs.
        List<Write> writes = new ArrayList<>(passages.size());
        for (IndexedPassage passage : passages) {
            batchHighest = Math.max(batchHighest, passage.id());
            writes.add(new Write(passage, passage.id() <= highest));
            highest = Math.max(highest, passage.id());
        }
        try {
            indexing.writeAll(writes, write -> write.passage().id(), write -> {
                Document doc = fields.toDocument(write.passage());
                if (write.replace()) {
                    writer.updateDocument(idTerm(write.passage()), doc);
                } else {
                    writer.addDocument(doc);
                }
            });
            appliedSequence = Math.max(appliedSequence, batchHighest);
            publishWrite();
        } catch (IOException e) {
            throw storageFailure("add passages", e);
        } finally {
            // Also after a failure part-way: whatever reached the writer must be replaced, not added, on a retry.
            highestIdWritten = highest;
        }
    }

    /** One passage of a batch to write, and whether it may be in the index already (then it replaces). */
    private record Write(IndexedPassage passage, boolean replace) {}

    private static Term idTerm(IndexedPassage passage) {
        return new Term(PassageFields.PASSAGE_KEY, Long.toString(passage.id()));
    }

    @Override
    public void addVectors(List<IndexedPassage> passages, long vectorSequence) {
        ensureOpen();
        passages.forEach(LucenePassageIndex::validate);
        try {
            for (IndexedPassage passage : passages) {
                highestIdWritten = Math.max(highestIdWritten, passage.id());
            }
            indexing.writeAll(passages, IndexedPassage::id,
                    passage -> writer.updateDocument(idTerm(passage), fields.toDocument(passage)));
            appliedVectorSequence = Math.max(appliedVectorSequence, vectorSequence);
            publishWrite();
        } catch (IOException | IllegalArgumentException e) {
            throw storageFailure("add vectors", e);
        }
    }

    @Override
    public long appliedVectorSequence() {
        return appliedVectorSequence;
    }

    @Override
    public void removeDocument(long documentId, long sequence) {
        ensureOpen();
        try {
            writer.deleteDocuments(new Term(PassageFields.DOCUMENT_KEY, Long.toString(documentId)));
            appliedSequence = Math.max(appliedSequence, sequence);
            publishWrite();
        } catch (IOException e) {
            throw storageFailure("remove document " + documentId, e);
        }
    }

    @Override
    public List<ScoredPassage> search(SearchRequest request) {
        ensureOpen();
        if (request.accountId() == null || request.accountId().isBlank()) {
            throw DocChatException.missing("accountId");
        }
        if (request.limit() < 1) {
            throw DocChatException.invalid("limit", "must be at least 1, was " + request.limit());
        }
        Query query = queries.build(request);
        if (query == null) {
            return List.of();
        }
        IndexSearcher searcher;
        searchedSinceRefresh = true;
        try {
            refreshIfStale();
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw storageFailure("search", e);
        }
        try {
            TopDocs top = searcher.search(query, request.limit());
            return toPassages(searcher, top.scoreDocs);
        } catch (IOException e) {
            throw storageFailure("search", e);
        } finally {
            release(searcher);
        }
    }

    /**
     * One approximate (HNSW) nearest-neighbour search per query vector, each pre-filtered by the scope so that the
     * neighbours come from the scope only (Lucene compares exactly when the scope is small); a passage found in
     * several spaces keeps its best similarity.
     */
    @Override
    public List<ScoredPassage> nearest(SearchRequest request, List<Embedding> queryVectors) {
        ensureOpen();
        if (request.accountId() == null || request.accountId().isBlank()) {
            throw DocChatException.missing("accountId");
        }
        if (request.limit() < 1) {
            throw DocChatException.invalid("limit", "must be at least 1, was " + request.limit());
        }
        if (queryVectors.isEmpty()) {
            return List.of();
        }
        Query scope = PassageQueryBuilder.scope(request);
        IndexSearcher searcher;
        searchedSinceRefresh = true;
        try {
            refreshIfStale();
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw storageFailure("search", e);
        }
        try {
            Map<Long, Float> best = new HashMap<>();
            for (Embedding query : queryVectors) {
                String field = PassageFields.vectorField(query.space());
                if (!hasVectors(searcher, field, query.vector().length)) {
                    continue;
                }
                TopDocs top = searcher.search(
                        new KnnFloatVectorQuery(field, query.vector(), request.limit(), scope), request.limit());
                for (ScoredPassage hit : toPassages(searcher, top.scoreDocs)) {
                    // Lucene scores a dot product d as (1 + d) / 2; the port speaks in cosines.
                    best.merge(hit.passageId(), 2 * hit.score() - 1, Math::max);
                }
            }
            List<ScoredPassage> out = new ArrayList<>(best.size());
            best.forEach((id, score) -> out.add(new ScoredPassage(id, score)));
            out.sort(Comparator.comparingDouble(ScoredPassage::score).reversed()
                    .thenComparingLong(ScoredPassage::passageId));
            return out.size() > request.limit() ? List.copyOf(out.subList(0, request.limit())) : out;
        } catch (IOException e) {
            throw storageFailure("search", e);
        } finally {
            release(searcher);
        }
    }

    /** True when some segment holds vectors of this field and length (a query of another length would fail). */
    private static boolean hasVectors(IndexSearcher searcher, String field, int dimension) {
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            FieldInfo info = leaf.reader().getFieldInfos().fieldInfo(field);
            if (info != null && info.hasVectorValues()) {
                return info.getVectorDimension() == dimension;
            }
        }
        return false;
    }

    /**
     * Counts a completed write. While searches are coming, the writing thread also refreshes the searcher, before the
     * write counts as completed: searches then find the searcher current and never wait for a refresh that flushes
     * another account's batch. Without searches, refreshing is left to the next search, so bulk indexing does not
     * cut a segment per write.
     */
    private void publishWrite() throws IOException {
        if (!searchedSinceRefresh) {
            writeGeneration.incrementAndGet();
            return;
        }
        synchronized (refreshLock) {
            searchers.maybeRefreshBlocking();
            searchedSinceRefresh = false;
            // Counted only now, so a search meanwhile did not wait for it: the write had not returned yet.
            searchableGeneration = writeGeneration.incrementAndGet();
        }
    }

    /**
     * Makes the searcher cover every write completed before this call. A search that finds another one refreshing
     * waits for it, and skips its own refresh when that one already covered the writes it must see.
     */
    private void refreshIfStale() throws IOException {
        long needed = writeGeneration.get();
        if (searchableGeneration < needed) {
            synchronized (refreshLock) {
                if (searchableGeneration < needed) {
                    long covered = writeGeneration.get();
                    searchers.maybeRefreshBlocking();
                    searchableGeneration = covered;
                }
            }
        }
    }

    @Override
    public long appliedSequence() {
        return appliedSequence;
    }

    @Override
    public void commit() {
        ensureOpen();
        try {
            writer.setLiveCommitData(Map.of(
                    APPLIED_SEQUENCE_KEY, Long.toString(appliedSequence),
                    APPLIED_VECTOR_SEQUENCE_KEY, Long.toString(appliedVectorSequence),
                    ANALYSIS_KEY, fields.signature()).entrySet());
            writer.commit();
        } catch (IOException e) {
            throw storageFailure("commit", e);
        }
    }

    @Override
    public void clear() {
        ensureOpen();
        try {
            writer.deleteAll();
            appliedSequence = 0;
            appliedVectorSequence = 0;
            highestIdWritten = 0;
            writeGeneration.incrementAndGet();
        } catch (IOException e) {
            throw storageFailure("clear", e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        IOException failure = null;
        indexing.close();
        for (Closeable resource : new Closeable[] {searchers, writer, directory}) {
            try {
                resource.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw storageFailure("close", failure);
        }
        log.debug("closed passage index {}", description);
    }

    @Override
    public String toString() {
        return "LucenePassageIndex[" + description + ", appliedSequence=" + appliedSequence + "]";
    }

    /**
     * Reads the passage ids of the hits from doc values, visiting the hits in document order so that each segment's
     * doc-values iterator is fetched once and only moves forward; nothing but the results is allocated per hit.
     */
    private static List<ScoredPassage> toPassages(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
        int n = hits.length;
        if (n == 0) {
            return List.of();
        }
        // Document number in the high bits, rank in the low bits: one primitive sort gives document order.
        long[] byDoc = new long[n];
        for (int rank = 0; rank < n; rank++) {
            byDoc[rank] = ((long) hits[rank].doc << 32) | rank;
        }
        Arrays.sort(byDoc);
        ScoredPassage[] results = new ScoredPassage[n];
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int leafIndex = -1;
        LeafReaderContext leaf = null;
        NumericDocValues ids = null;
        for (long entry : byDoc) {
            int doc = (int) (entry >>> 32);
            int rank = (int) entry;
            while (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(++leafIndex);
                ids = leaf.reader().getNumericDocValues(PassageFields.PASSAGE_ID);
            }
            if (ids == null || !ids.advanceExact(doc - leaf.docBase)) {
                throw new IllegalStateException("indexed passage without an id at document " + doc);
            }
            results[rank] = new ScoredPassage(ids.longValue(), hits[rank].score);
        }
        return Collections.unmodifiableList(Arrays.asList(results));
    }

    private static Analyzer analyzer() {
        return new PerFieldAnalyzerWrapper(new BilingualAnalyzer(BilingualAnalyzer.Keep.ALL), Map.of(
                PassageFields.TEXT, new BilingualAnalyzer(BilingualAnalyzer.Keep.NON_CHINESE_ONLY),
                PassageFields.WORD_PAIRS, new BilingualAnalyzer(BilingualAnalyzer.Keep.NON_CHINESE_PAIRS),
                PassageFields.BIGRAMS, new BilingualAnalyzer(BilingualAnalyzer.Keep.CHINESE_ONLY),
                PassageFields.WORDS, new ChineseWordAnalyzer(1)));
    }

    private static String committedValue(IndexWriter writer, String key) {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> entry : data) {
                if (key.equals(entry.getKey())) {
                    return entry.getValue();
                }
            }
        }
        return null;
    }

    private static void validate(IndexedPassage passage) {
        if (passage.accountId() == null || passage.accountId().isBlank()) {
            throw DocChatException.invalid("accountId", "is required for passage " + passage.id());
        }
        if (passage.id() <= 0) {
            throw DocChatException.invalid("passageId", "must be positive, was " + passage.id());
        }
    }

    private void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            log.warn("could not release a searcher of passage index {}", description, e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("passage index " + description + " is closed");
        }
    }

    private DocChatException storageFailure(String operation, Exception cause) {
        return new DocChatException(ErrorCode.STORAGE_FAILURE,
                "passage index " + description + ": " + operation + " failed: " + cause.getMessage(), cause);
    }

    private static void closeQuietly(Directory directory, Exception primary) {
        if (directory != null) {
            try {
                directory.close();
            } catch (IOException e) {
                primary.addSuppressed(e);
            }
        }
    }
}
