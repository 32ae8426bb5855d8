package io.docchat.lucene.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The reference point: what Lucene does out of the box. StandardAnalyzer (no stemming, one token per CJK character),
 * default BM25, the passage text only; the question's terms are OR-ed together as plain term queries.
 */
final class PlainLuceneBaseline implements AutoCloseable {

    private final Analyzer analyzer = new StandardAnalyzer();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    PlainLuceneBaseline(List<String> texts) throws IOException {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (int i = 0; i < texts.size(); i++) {
                Document doc = new Document();
                doc.add(new StoredField("id", i));
                doc.add(new TextField("text", texts.get(i), Field.Store.NO));
                writer.addDocument(doc);
            }
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
    }

    /** Indexes (as given to the constructor) of the best {@code k} texts for the question. */
    List<Integer> search(String question, int k) throws IOException {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        int clauses = 0;
        try (TokenStream stream = analyzer.tokenStream("text", question)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && clauses < 1000) {
                query.add(new TermQuery(new Term("text", term.toString())), Occur.SHOULD);
                clauses++;
            }
            stream.end();
        }
        List<Integer> ids = new ArrayList<>(k);
        if (clauses == 0) {
            return ids;
        }
        for (ScoreDoc hit : searcher.search(query.build(), k).scoreDocs) {
            ids.add(searcher.storedFields().document(hit.doc).getField("id").numericValue().intValue());
        }
        return ids;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
