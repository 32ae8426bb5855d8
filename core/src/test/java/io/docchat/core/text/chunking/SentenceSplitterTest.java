package io.docchat.core.text.chunking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SentenceSplitterTest {

    private static List<String> split(String text) {
        return SentenceSplitter.sentences(text).stream().map(s -> s.of(text)).toList();
    }

    @Test
    void splitsEnglishSentencesAtTerminalPunctuation() {
        assertThat(split("The pump is new. Does it work? Yes! It does."))
                .containsExactly("The pump is new.", "Does it work?", "Yes!", "It does.");
    }

    @Test
    void keepsAbbreviationsInitialsAndDecimalsInsideASentence() {
        assertThat(split("Dr. Smith met Mr. J. R. Jones at 3.5 km, e.g. near the St. Louis office. Then he left."))
                .containsExactly("Dr. Smith met Mr. J. R. Jones at 3.5 km, e.g. near the St. Louis office.",
                        "Then he left.");
    }

    @Test
    void dottedAcronymEndsASentenceOnlyBeforeACapital() {
        assertThat(split("He moved to the U.S. in 1990. He lives in the U.S. The weather is fine."))
                .containsExactly("He moved to the U.S. in 1990.", "He lives in the U.S.", "The weather is fine.");
    }

    @Test
    void keepsClosingQuotesAndBracketsWithTheirSentence() {
        assertThat(split("He said \"stop.\" She left (quickly.) Done"))
                .containsExactly("He said \"stop.\"", "She left (quickly.)", "Done");
    }

    @Test
    void repeatedPunctuationAndEllipsisStayTogether() {
        assertThat(split("Really?! Yes... Well… fine."))
                .containsExactly("Really?!", "Yes...", "Well…", "fine.");
    }

    @Test
    void splitsChineseSentencesWithoutSpaces() {
        assertThat(split("水泵的流量是每小时四十立方米。价格是多少？很便宜！包括运费；不含税。"))
                .containsExactly("水泵的流量是每小时四十立方米。", "价格是多少？", "很便宜！", "包括运费；", "不含税。");
    }

    @Test
    void halfWidthPunctuationBeforeChineseEndsASentence() {
        assertThat(split("版本3.0发布了!新功能很多.旧功能保留"))
                .containsExactly("版本3.0发布了!", "新功能很多.", "旧功能保留");
    }

    @Test
    void chineseClosingQuoteStaysWithItsSentence() {
        assertThat(split("他说：“好的。”然后离开了。"))
                .containsExactly("他说：“好的。”", "然后离开了。");
    }

    @Test
    void newlinesSeparateTableRowsAndItems() {
        assertThat(split("型号 | 流量\nZX-9 | 40\n\nZX-7 | 30"))
                .containsExactly("型号 | 流量", "ZX-9 | 40", "ZX-7 | 30");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\n", " \t "})
    void blankTextHasNoSentences(String text) {
        assertThat(SentenceSplitter.sentences(text)).isEmpty();
    }

    @Test
    void textWithoutTerminatorIsOneSentence() {
        assertThat(split("  a heading without a period  ")).containsExactly("a heading without a period");
    }

    @Test
    void urlsAndVersionNumbersAreNotSplit() {
        assertThat(split("See docs.example.com/v1.2 for details. Next."))
                .containsExactly("See docs.example.com/v1.2 for details.", "Next.");
    }

    static List<String> mixedTexts() {
        return List.of(
                "One. Two? Three! 四。五？ six",
                "Mr. A. B. C. and Dr. D. went to the U.S. Then left.",
                "\n\nline one\nline two.\n  \n three",
                "价格：1,200.50元。ZX-9型号。No. 5 is fine. Fig. 3 shows it.");
    }

    @ParameterizedTest
    @MethodSource("mixedTexts")
    void spansAreOrderedTrimmedAndDisjoint(String text) {
        List<TextSpan> spans = SentenceSplitter.sentences(text);
        int previousEnd = 0;
        for (TextSpan span : spans) {
            assertThat(span.start()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(span.length()).isPositive();
            String s = span.of(text);
            assertThat(s).isEqualTo(s.strip());
            previousEnd = span.end();
        }
        // Nothing but whitespace is left out.
        StringBuilder rest = new StringBuilder(text);
        for (int i = spans.size() - 1; i >= 0; i--) {
            rest.delete(spans.get(i).start(), spans.get(i).end());
        }
        assertThat(rest.toString()).isBlank();
    }
}
