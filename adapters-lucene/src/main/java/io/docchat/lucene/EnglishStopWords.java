package io.docchat.lucene;

import io.docchat.core.text.analysis.StopWords;
import org.apache.lucene.analysis.CharArraySet;

/**
 * docchat's one list of English stop words ({@link StopWords#ENGLISH}: Lucene's English stop words plus the question
 * and auxiliary words that questions are full of and passages rarely answer with), as Lucene's set: keeping those
 * words would let "what", "did" or "which" outweigh the content words of a question.
 */
final class EnglishStopWords {

    static final CharArraySet SET = CharArraySet.unmodifiableSet(new CharArraySet(StopWords.ENGLISH, false));

    private EnglishStopWords() {}
}
