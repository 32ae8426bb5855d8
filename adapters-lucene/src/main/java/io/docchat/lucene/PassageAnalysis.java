package io.docchat.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;

/**
 * Index-time analysis of a passage's text in one pass: the text is tokenized and lower-cased once, and the word,
 * word-pair and Chinese bigram fields are all filtered from those tokens. Analysed field by field, the tokenizer ran
 * once per field (up to three times for a Chinese passage). A title, the same for every passage of a document, is
 * analysed once per run of passages that share it. The filters are the ones the query side uses
 * ({@link BilingualAnalyzer#nonChineseTerms}, {@link BilingualAnalyzer#chineseTerms},
 * {@link BilingualAnalyzer#allTerms}), so both make the same terms.
 *
 * <p>Not thread-safe: the filters are built once and reused, one instance per indexing thread.
 */
final class PassageAnalysis {

    /** The terms of a passage's text fields; {@code bigrams} is null when they were not asked for. */
    record Terms(TermSequence words, TermSequence bigrams) {
    }

    private final Analyzer tokens;
    private final Analyzer unfilteredTokens;
    private final RecordedTokens recorded = new RecordedTokens();
    private final TokenStream words = BilingualAnalyzer.nonChineseTerms(recorded);
    private final TokenStream bigrams = BilingualAnalyzer.chineseTerms(recorded);
    private final TokenStream allTerms = BilingualAnalyzer.allTerms(recorded);
    /** The passages of a document share its title: analysed once for all of them. */
    private String lastTitle;
    private TermSequence lastTitleTerms;

    /**
     * @param tokens           an analyzer of {@link BilingualAnalyzer.Keep#TOKENS}, shared between threads
     * @param unfilteredTokens one of {@link BilingualAnalyzer.Keep#TOKENS_UNFILTERED}, for the texts its char
     *                         filters would not change
     */
    PassageAnalysis(Analyzer tokens, Analyzer unfilteredTokens) {
        this.tokens = tokens;
        this.unfilteredTokens = unfilteredTokens;
    }

    private TokenStream tokens(String fieldName, String text) {
        return (BilingualAnalyzer.charFiltersChange(text) ? tokens : unfilteredTokens).tokenStream(fieldName, text);
    }

    /** The terms of a title, the analysis of the previous passage's title when it is the same. */
    TermSequence title(String fieldName, String title) {
        if (!title.equals(lastTitle)) {
            try {
                recorded.record(tokens(fieldName, title));
                lastTitleTerms = TermSequence.of(allTerms, title.length());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            lastTitle = title;
        }
        return lastTitleTerms;
    }

    Terms analyse(String fieldName, String text, boolean withBigrams) {
        try {
            recorded.record(tokens(fieldName, text));
            // Chinese text makes about one term per character, other text about one per five or six.
            TermSequence wordTerms = TermSequence.of(words, text.length());
            TermSequence bigramTerms = withBigrams ? TermSequence.of(bigrams, 2 * text.length()) : null;
            return new Terms(wordTerms, bigramTerms);
        } catch (IOException e) {
            // Analysis reads a String: nothing here does I/O.
            throw new UncheckedIOException(e);
        }
    }
}
