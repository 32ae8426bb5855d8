package io.docchat.lucene;

import io.docchat.core.port.SearchRequest;
import io.docchat.core.text.analysis.CjkScript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Turns a {@link SearchRequest} into a Lucene query. The user's text is analyzed with the index's own analyzers into
 * plain term queries, never parsed as query syntax, so no input can change the query's structure; scope becomes exact
 * filter clauses that do not score.
 */
final class PassageQueryBuilder {

    /**
     * Distinct terms taken per field from the query text: five fields of at most 200 terms plus the filters stay
     * below Lucene's limit of 1,024 clauses per query. A question is a few dozen terms, and a pasted page gains
     * nothing from its ten-thousandth term.
     */
    static final int MAX_TERMS_PER_FIELD = 200;

    private final Analyzer analyzer;
    private final List<String> textFields;
    private final float titleBoost;
    private final float wordPairBoost;

    PassageQueryBuilder(Analyzer analyzer, List<String> textFields, float titleBoost, float wordPairBoost) {
        this.analyzer = analyzer;
        this.textFields = List.copyOf(textFields);
        this.titleBoost = titleBoost;
        this.wordPairBoost = wordPairBoost;
    }

    /** The query, or null when the text has no searchable term (blank, or only stop words and punctuation). */
    Query build(SearchRequest request) {
        String text = request.text();
        if (text == null || text.isBlank()) {
            return null;
        }
        BooleanQuery.Builder relevance = new BooleanQuery.Builder();
        int clauses = 0;
        boolean chinese = CjkScript.containsHan(text);
        for (String field : textFields) {
            if (chinese || !PassageFields.isChineseOnly(field)) {
                clauses += addTerms(relevance, field, text, 1f);
            }
        }
        if (clauses == 0) {
            return null;
        }
        if (titleBoost > 0) {
            addTerms(relevance, PassageFields.TITLE, text, titleBoost);
        }
        if (wordPairBoost > 0) {
            addTerms(relevance, PassageFields.WORD_PAIRS, text, wordPairBoost);
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(relevance.build(), Occur.MUST);
        addScope(query, request);
        return query.build();
    }

    /**
     * The request's account and scope alone, as a query that matches exactly the passages a search may find: the
     * pre-filter of a vector search, so that its nearest neighbours are drawn from the scope, never filtered after.
     */
    static Query scope(SearchRequest request) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        addScope(query, request);
        return query.build();
    }

    private static void addScope(BooleanQuery.Builder query, SearchRequest request) {
        query.add(new TermQuery(new Term(PassageFields.ACCOUNT, request.accountId())), Occur.FILTER);
        if (!request.folderIds().isEmpty()) {
            query.add(anyTerm(PassageFields.FOLDER, request.folderIds()), Occur.FILTER);
        }
        if (!request.documentIds().isEmpty()) {
            long[] ids = request.documentIds().stream().mapToLong(Long::longValue).toArray();
            query.add(LongField.newSetQuery(PassageFields.DOCUMENT_ID, ids), Occur.FILTER);
        }
    }

    private int addTerms(BooleanQuery.Builder builder, String field, String text, float boost) {
        Map<String, Integer> counts = analyze(field, text);
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            Query term = new TermQuery(new Term(field, entry.getKey()));
            // A term the question repeats counts more, as a repeated clause would, at the cost of one clause.
            float weight = boost * entry.getValue();
            builder.add(weight == 1f ? term : new BoostQuery(term, weight), Occur.SHOULD);
        }
        return counts.size();
    }

    private Map<String, Integer> analyze(String field, String text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String value = term.toString();
                if (counts.size() < MAX_TERMS_PER_FIELD || counts.containsKey(value)) {
                    counts.merge(value, 1, Integer::sum);
                }
            }
            stream.end();
        } catch (IOException e) {
            // Analysis reads from a String: an IOException here is a bug, not an I/O condition.
            throw new UncheckedIOException("analysis of query text failed", e);
        }
        return counts;
    }

    private static Query anyTerm(String field, Iterable<String> values) {
        List<BytesRef> terms = new ArrayList<>();
        for (String value : values) {
            terms.add(new BytesRef(value));
        }
        return terms.size() == 1 ? new TermQuery(new Term(field, terms.get(0))) : new TermInSetQuery(field, terms);
    }
}
