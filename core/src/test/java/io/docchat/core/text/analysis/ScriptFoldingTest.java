package io.docchat.core.text.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptFoldingTest {

    @Test
    void foldsTraditionalToSimplifiedAndFullWidthToPlain() {
        assertThat(ScriptFolding.fold("臺灣的經濟發展")).isEqualTo("台湾的经济发展");
        assertThat(ScriptFolding.fold("什麼是梵語？")).isEqualTo("什么是梵语?");
        assertThat(ScriptFolding.fold("ＺＸ－９ Pump")).isEqualTo("ZX-9 Pump");
        assertThat(ScriptFolding.fold("already simplified 经济")).isEqualTo("already simplified 经济");
        // Twice gives the same as once: cached characters fold like fresh ones.
        assertThat(ScriptFolding.fold(ScriptFolding.fold("國語辭典"))).isEqualTo(ScriptFolding.fold("國語辭典"));
    }

    @Test
    void bothScriptsGiveTheSameTerms() {
        assertThat(TextAnalyzer.terms("夜柔吠陀與阿闥婆吠陀")).isEqualTo(TextAnalyzer.terms("夜柔吠陀与阿闼婆吠陀"));
    }

    @Test
    void tellsScriptsApart() {
        assertThat(CjkScript.isHan('中')).isTrue();
        assertThat(CjkScript.isHan('a')).isFalse();
        assertThat(CjkScript.isHan(0x20000)).isTrue();
        assertThat(CjkScript.isCjk('。')).isTrue();
        assertThat(CjkScript.isCjk('か')).isTrue();
        assertThat(CjkScript.isCjk('한')).isTrue();
        assertThat(CjkScript.isCjk('.')).isFalse();
        assertThat(CjkScript.containsHan("ZX-9水泵")).isTrue();
        assertThat(CjkScript.containsHan("ZX-9 pump")).isFalse();
    }

    @Test
    void questionWordsOfEitherScriptAreRemoved() {
        assertThat(QuestionWords.withoutChinese(ScriptFolding.fold("梵語是什麼"))).isEqualTo("梵语 ");
        assertThat(QuestionWords.isEnglish("how")).isTrue();
        assertThat(QuestionWords.isEnglish("pump")).isFalse();
    }
}
