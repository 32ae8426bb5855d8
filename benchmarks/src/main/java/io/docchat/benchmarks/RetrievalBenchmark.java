package io.docchat.benchmarks;

import io.docchat.core.port.IndexedPassage;
import io.docchat.core.port.ScoredPassage;
import io.docchat.core.port.SearchRequest;
import io.docchat.lucene.LucenePassageIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Search latency over 100,000 synthetic passages: docchat's Lucene passage index (bilingual analysis, account and
 * scope filters, title field) against plain Lucene (StandardAnalyzer, BM25, one text field) on the same texts and
 * queries.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
@State(Scope.Benchmark)
public class RetrievalBenchmark {
    private static final String ACCOUNT = "bench";

    @Param("100000")
    public int passages;

    private Path docchatDir;
    private Path plainDir;
    private LucenePassageIndex index;
    private FSDirectory plainDirectory;
    private DirectoryReader plainReader;
    private IndexSearcher plainSearcher;
    private StandardAnalyzer analyzer;
    private String[] queries;
    private int next;

    @Setup(Level.Trial)
    public void build() throws IOException {
        SyntheticText text = new SyntheticText(30_000, 7);
        Random random = new Random(11);
        docchatDir = Files.createTempDirectory("docchat-bench-index-");
        plainDir = Files.createTempDirectory("docchat-bench-plain-");
        index = LucenePassageIndex.open(docchatDir);
        analyzer = new StandardAnalyzer();
        plainDirectory = FSDirectory.open(plainDir);
        try (IndexWriter writer = new IndexWriter(plainDirectory, new IndexWriterConfig(analyzer))) {
            List<IndexedPassage> batch = new ArrayList<>();
            for (int i = 1; i <= passages; i++) {
                String passage = text.passage(random, 40 + random.nextInt(60));
                batch.add(new IndexedPassage(i, ACCOUNT, 1 + i / 20, List.of("folder" + (i % 10)), "doc " + (i / 20), passage));
                Document document = new Document();
                document.add(new StoredField("id", i));
                document.add(new TextField("text", passage, Field.Store.NO));
                writer.addDocument(document);
                if (batch.size() == 5_000) {
                    index.add(batch);
                    batch.clear();
                }
            }
            index.add(batch);
            index.commit();
            writer.commit();
        }
        plainReader = DirectoryReader.open(plainDirectory);
        plainSearcher = new IndexSearcher(plainReader);
        queries = new String[1_000];
        for (int i = 0; i < queries.length; i++) {
            queries[i] = text.query(random, 3);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        index.close();
        plainReader.close();
        plainDirectory.close();
        Embedded.delete(docchatDir);
        Embedded.delete(plainDir);
    }

    private String nextQuery() {
        String query = queries[next];
        next = (next + 1) % queries.length;
        return query;
    }

    @Benchmark
    public List<ScoredPassage> docchatIndex() {
        return index.search(new SearchRequest(ACCOUNT, nextQuery(), Set.of(), Set.of(), 10));
    }

    @Benchmark
    public List<ScoredPassage> docchatIndexScoped() {
        return index.search(new SearchRequest(ACCOUNT, nextQuery(), Set.of("folder3"), Set.of(), 10));
    }

    @Benchmark
    public TopDocs plainLucene() throws IOException {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String word : nextQuery().split(" ")) {
            query.add(new TermQuery(new Term("text", word.toLowerCase(Locale.ROOT))), BooleanClause.Occur.SHOULD);
        }
        return plainSearcher.search(query.build(), 10);
    }
}
