package io.docchat.core.text.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordCountTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "The pump runs on 24 volts.|0|6",
        "PDF 文件|2|1",
        "說明書，第3頁|5|1",
        "𠀀𠀁 abc|2|1",
        "--- ...|0|0",
        "x1-y2 z|0|3"
    })
    void countsHanCharactersAndOtherWordsApart(String text, int han, int words) {
        WordCount count = WordCount.of(text);
        assertThat(count).isEqualTo(new WordCount(han, words));
        assertThat(count.total()).isEqualTo(han + words);
    }
}
