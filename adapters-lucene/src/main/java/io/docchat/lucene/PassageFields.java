package io.docchat.lucene;

import io.docchat.core.port.IndexedPassage;
import io.docchat.core.text.analysis.CjkScript;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.VectorSimilarityFunction;

/** The Lucene schema of a passage: field names and how an {@link IndexedPassage} becomes a document. */
final class PassageFields {

    /** Passage id as a term, to replace a passage by id. */
    static final String PASSAGE_KEY = "pid";
    /** Passage id as a doc value: the only thing a search reads back. */
    static final String PASSAGE_ID = "pid_value";
    static final String ACCOUNT = "account";
    /** Multi-valued: the passage's folder and every ancestor, so a subtree filter is one term lookup. */
    static final String FOLDER = "folder";
    /** Document id as a term, to delete a document's passages. */
    static final String DOCUMENT_KEY = "doc";
    /** Document id as a point, for document filters. */
    static final String DOCUMENT_ID = "doc_value";
    /** English and every other non-Chinese word. */
    static final String TEXT = "text";
    /** Pairs of adjacent non-Chinese words. */
    static final String WORD_PAIRS = "word_pairs";
    /** Chinese character bigrams. */
    static final String BIGRAMS = "zh_bigrams";
    /** Chinese dictionary words. */
    static final String WORDS = "zh_words";
    static final String TITLE = "title";
    /** Prefix of the vector fields, one per vector space: vectors of different models are never compared. */
    static final String VECTOR_PREFIX = "vec_";

    /**
     * Scoring needs term frequencies and lengths but no positions: BM25 over bags of words, so positions would only
     * cost index size and indexing time.
     */
    private static final FieldType SEARCHABLE_TEXT = searchableText();

    private final boolean chineseWords;
    private final boolean chineseBigrams;

    private final boolean wordPairs;
    private final Analyzer tokens = new BilingualAnalyzer(BilingualAnalyzer.Keep.TOKENS);
    private final Analyzer unfilteredTokens = new BilingualAnalyzer(BilingualAnalyzer.Keep.TOKENS_UNFILTERED);
    /** Documents are built on the index's writer thread; one analysis per thread keeps this safe if that changes. */
    private final ThreadLocal<PassageAnalysis> analysis =
            ThreadLocal.withInitial(() -> new PassageAnalysis(tokens, unfilteredTokens));

    PassageFields(ChineseSegmentation segmentation, boolean wordPairs) {
        this.chineseWords = segmentation != ChineseSegmentation.BIGRAMS;
        this.chineseBigrams = segmentation != ChineseSegmentation.WORDS;
        this.wordPairs = wordPairs;
    }

    /**
     * Names what indexing produces, so an index built one way is never searched as if built another. Bump the version
     * whenever an analyzer changes its terms.
     */
    String signature() {
        return "v1 chinese=" + (chineseBigrams ? "bigrams" : "") + (chineseWords ? "+words" : "")
                + " pairs=" + wordPairs;
    }

    /** True for the fields that hold only Chinese terms, which a text without Chinese cannot match. */
    static boolean isChineseOnly(String field) {
        return field.equals(BIGRAMS) || field.equals(WORDS);
    }

    /** The fields a query's text is matched against with full weight. */
    List<String> textFields() {
        List<String> names = new ArrayList<>(3);
        names.add(TEXT);
        if (chineseBigrams) {
            names.add(BIGRAMS);
        }
        if (chineseWords) {
            names.add(WORDS);
        }
        return List.copyOf(names);
    }

    Document toDocument(IndexedPassage passage) {
        Document doc = new Document();
        doc.add(new StringField(PASSAGE_KEY, Long.toString(passage.id()), Field.Store.NO));
        doc.add(new NumericDocValuesField(PASSAGE_ID, passage.id()));
        doc.add(new StringField(ACCOUNT, passage.accountId(), Field.Store.NO));
        for (String folderId : passage.folderPath()) {
            doc.add(new StringField(FOLDER, folderId, Field.Store.NO));
        }
        doc.add(new StringField(DOCUMENT_KEY, Long.toString(passage.documentId()), Field.Store.NO));
        doc.add(new LongField(DOCUMENT_ID, passage.documentId(), Field.Store.NO));
        String text = passage.text() == null ? "" : passage.text();
        // Most passages of an English document have no Chinese at all: skip the Chinese fields for them.
        boolean han = CjkScript.containsHan(text);
        // One tokenization feeds the word, word-pair and bigram fields (see PassageAnalysis).
        PassageAnalysis analysis = this.analysis.get();
        PassageAnalysis.Terms terms = analysis.analyse(TEXT, text, han && chineseBigrams);
        doc.add(terms.words().field(TEXT, false, SEARCHABLE_TEXT));
        if (wordPairs) {
            doc.add(terms.words().field(WORD_PAIRS, true, SEARCHABLE_TEXT));
        }
        if (terms.bigrams() != null) {
            doc.add(terms.bigrams().field(BIGRAMS, false, SEARCHABLE_TEXT));
        }
        if (han && chineseWords) {
            // smartcn segments the text its own way; it cannot start from the standard tokens.
            doc.add(new Field(WORDS, text, SEARCHABLE_TEXT));
        }
        if (passage.title() != null && !passage.title().isBlank()) {
            doc.add(analysis.title(TITLE, passage.title()).field(TITLE, false, SEARCHABLE_TEXT));
        }
        if (passage.vector() != null) {
            // Vectors have unit length, so the dot product is the cosine, and cheaper to compute.
            doc.add(new KnnFloatVectorField(vectorField(passage.vector().space()), passage.vector().vector(),
                    VectorSimilarityFunction.DOT_PRODUCT));
        }
        return doc;
    }

    /** The field holding the vectors of one space. */
    static String vectorField(String space) {
        return VECTOR_PREFIX + space;
    }

    private static FieldType searchableText() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setStored(false);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.freeze();
        return type;
    }
}
