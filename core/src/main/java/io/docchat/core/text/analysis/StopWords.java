package io.docchat.core.text.analysis;

import java.util.Set;

/**
 * The one definition of words that join rather than name: English stop words, which the term analysis drops, and the
 * Chinese function characters, which make a character bigram say nothing about a subject.
 */
public final class StopWords {

    /** English function words, in lower case: articles, prepositions, pronouns, auxiliaries and wh-words. */
    public static final Set<String> ENGLISH = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not",
            "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was",
            "will", "with", "what", "which", "who", "whom", "when", "where", "why", "how", "do", "does", "did", "its",
            "from", "has", "have", "had", "were", "been", "being", "can", "could", "would", "should", "about", "than",
            "so", "he", "she", "his", "her", "him", "whose", "we", "you", "your", "i", "me", "my", "our", "us", "them");

    /** Simplified Chinese characters that join rather than name (的, 是, 了 ...); compare folded text with them. */
    public static final String CHINESE_FUNCTION_CHARACTERS = "的是了在和与及或也都就而被把将为于之其这那个有着";

    private StopWords() {}

    /** True for an English stop word (give it in lower case). */
    public static boolean isEnglish(String lowerCaseWord) {
        return ENGLISH.contains(lowerCaseWord);
    }

    /** True for a Chinese function character, in either script. */
    public static boolean isChineseFunctionCharacter(int codePoint) {
        String folded = ScriptFolding.fold(new String(Character.toChars(codePoint)));
        return folded.length() == 1 && CHINESE_FUNCTION_CHARACTERS.indexOf(folded.charAt(0)) >= 0;
    }
}
