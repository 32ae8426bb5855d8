package io.docchat.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.docchat.core.text.analysis.CjkScript;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/**
 * Indexing analyses a passage once and filters every field from the same tokens; queries still analyse each field
 * with its own analyzer. A term made one way and not the other would silently never match, so the two must agree
 * term for term, in order (the order makes the word pairs).
 */
class PassageAnalysisTest {

    private static final Analyzer WORDS = new BilingualAnalyzer(BilingualAnalyzer.Keep.NON_CHINESE_ONLY);
    private static final Analyzer PAIRS = new BilingualAnalyzer(BilingualAnalyzer.Keep.NON_CHINESE_PAIRS);
    private static final Analyzer BIGRAMS = new BilingualAnalyzer(BilingualAnalyzer.Keep.CHINESE_ONLY);
    private static final Analyzer TITLE = new BilingualAnalyzer(BilingualAnalyzer.Keep.ALL);

    private final PassageAnalysis analysis =
            new PassageAnalysis(new BilingualAnalyzer(BilingualAnalyzer.Keep.TOKENS),
                    new BilingualAnalyzer(BilingualAnalyzer.Keep.TOKENS_UNFILTERED));

    @Test
    void makesTheQueryAnalyzersTermsForHandPickedTexts() throws IOException {
        List<String> texts = List.of(
                "",
                "the",
                "Denver",
                "The Denver Broncos' defense won Super Bowl 50: note:pump and the NFL's MVP.",
                "What is the capital of France? France's capital is Paris, which has 2,148,271 people.",
                "ＡＢＣ１ full-width Ｌａｔｉｎ and half-width ｶﾀｶﾅ",
                "北京是中华人民共和国的首都，位于华北平原。",
                "2008年北京奥运会 (Beijing Olympics) 共有 204 个国家和地区参加。",
                "日本語のひらがなとカタカナ、한국어 문장, 漢字 mixed with English words",
                "a " + "x".repeat(600) + " b",
                "e-mail user@example.com https://example.com/a?b=c 3.14 U.S.A. o'neill",
                "单",
                "the Denver the",
                "the the of",
                "Denver Broncos of the of 北京",
                "北京 Denver",
                "emoji 😀 and 中 alone");
        for (String text : texts) {
            assertAgree(text);
        }
    }

    @Test
    void makesTheQueryAnalyzersTermsForRandomMixtures() throws IOException {
        String[] pieces = {"the", "of", "Broncos'", "running", "ran", "runs", "Ｒｕｎ", "北京", "大学", "的", "。", "，",
                ":", "note:pump", "-", "42", "ＸＹＺ", "ひらがな", "ｶﾞｷﾞｸﾞ", "ﾊﾟ", "＂", "한국", "Über", "naïve", "don't", "is", "What",
                "\n", "  ", "(", ")", "李白", "Shakespeare's", "a", "I", "e.g.", "1,000"};
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
                if (random.nextInt(3) > 0) {
                    text.append(' ');
                }
            }
            assertAgree(text.toString());
        }
    }

    @Test
    void analysesATitleAgainOnlyWhenItChanges() throws IOException {
        TermSequence first = analysis.title(PassageFields.TITLE, "Super Bowl 50");
        assertSame(first, analysis.title(PassageFields.TITLE, "Super Bowl 50"));
        assertEquals(List.of("super", "bowl", "50"), terms(first.terms()));
        assertEquals(List.of("北京", "京大", "大学"), terms(analysis.title(PassageFields.TITLE, "北京大学").terms()));
        // A sequence is replayed once per passage that shares it.
        assertEquals(List.of("super", "bowl", "50"), terms(first.terms()));
    }

    @Test
    void leavesTheBigramsOutWhenNotAskedFor() {
        assertNull(analysis.analyse(PassageFields.TEXT, "北京大学", false).bigrams());
    }

    private void assertAgree(String text) throws IOException {
        PassageAnalysis.Terms terms = analysis.analyse(PassageFields.TEXT, text, true);
        assertEquals(terms(WORDS, text), terms(terms.words().terms()), () -> "words of: " + text);
        assertEquals(terms(PAIRS, text), terms(terms.words().pairs()), () -> "pairs of: " + text);
        assertEquals(terms(BIGRAMS, text), terms(terms.bigrams().terms()), () -> "bigrams of: " + text);
        assertEquals(terms(TITLE, text), terms(analysis.title(PassageFields.TITLE, text).terms()),
                () -> "title terms of: " + text);
        if (!CjkScript.containsHan(text)) {
            assertEquals(List.of(), terms(terms.bigrams().terms()), () -> "bigrams of: " + text);
        }
    }

    private static List<String> terms(Analyzer analyzer, String text) throws IOException {
        return terms(analyzer.tokenStream("any", text));
    }

    private static List<String> terms(TokenStream stream) throws IOException {
        List<String> terms = new ArrayList<>();
        try (stream) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }
}
