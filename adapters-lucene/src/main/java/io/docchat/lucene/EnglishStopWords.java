package io.docchat.lucene;

import java.util.List;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * Lucene's English stop words plus the question and auxiliary words that questions are full of and passages rarely
 * answer with: keeping them lets "what", "did" or "which" outweigh the content words of a question.
 */
final class EnglishStopWords {

    static final CharArraySet SET;

    static {
        CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
        set.addAll(List.of(
                "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "do", "does", "did", "has",
                "have", "had", "were", "been", "being", "can", "could", "would", "should", "its", "from", "he", "she",
                "his", "her", "him", "we", "you", "your", "i", "me", "my", "our", "us", "them", "than", "about"));
        SET = CharArraySet.unmodifiableSet(set);
    }

    private EnglishStopWords() {}
}
