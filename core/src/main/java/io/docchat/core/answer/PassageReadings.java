package io.docchat.core.answer;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.docchat.core.model.Passage;
import io.docchat.core.text.analysis.ScriptFolding;
import io.docchat.core.text.analysis.TextAnalyzer;
import io.docchat.core.text.chunking.SentenceSplitter;
import io.docchat.core.text.chunking.TextSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How the extractive model reads a passage, whatever the question: its sentences, with each line of a table on its
 * own, and for each the text, its terms and its folded form. Splitting and analysing the passages is most of what an
 * extractive answer costs, and the same passages answer many questions, so the readings of the passages read last
 * are kept, at most {@value #CAPACITY} of them. A reading is keyed by the passage's id, text and headings, so a
 * passage read again under the same id with other text (another store) is read anew. Thread-safe.
 */
final class PassageReadings {
    /** Passages whose readings are kept: a few megabytes for passages of a thousand characters. */
    static final int CAPACITY = 1_024;

    /**
     * One sentence, or one line of a table.
     *
     * @param heading the sentence is one of the headings the passage sits under (the chunker keeps them in the text)
     * @param folded  the text {@link ScriptFolding folded} and in lower case, to look for characters and kinds in
     * @param header  for a table row, the index of the header row of its table in the passage; -1 for none
     */
    record Sentence(TextSpan span, String text, String folded, Set<String> terms, boolean heading, boolean tableRow,
            int header) {}

    private record Key(long passageId, String text, List<String> headingPath) {}

    private final Cache<Key, List<Sentence>> read = CacheBuilder.newBuilder().maximumSize(CAPACITY).build();

    /** The passage's sentences in order. */
    List<Sentence> of(Passage passage) {
        Key key = new Key(passage.id(), passage.text(), passage.headingPath());
        List<Sentence> sentences = read.getIfPresent(key);
        if (sentences == null) {
            sentences = List.copyOf(readAnew(passage.text(), passage.headingPath()));
            read.put(key, sentences);
        }
        return sentences;
    }

    private static List<Sentence> readAnew(String text, List<String> headingPath) {
        List<Sentence> out = new ArrayList<>();
        int header = -1;
        for (TextSpan sentence : SentenceSplitter.sentences(text)) {
            String s = sentence.of(text);
            if (!TableRowReading.isRow(s)) {
                header = -1;
                out.add(sentence(sentence, s, headingPath, false, -1));
                continue;
            }
            int start = sentence.start();
            while (start < sentence.end()) {
                int newline = text.indexOf('\n', start);
                int end = newline < 0 || newline > sentence.end() ? sentence.end() : newline;
                TextSpan line = trimmed(text, start, end);
                if (line != null) {
                    String l = line.of(text);
                    boolean row = TableRowReading.isRow(l);
                    out.add(sentence(line, l, headingPath, row, row ? header : -1));
                    header = row ? (header < 0 ? out.size() - 1 : header) : -1;
                }
                start = end + 1;
            }
        }
        return out;
    }

    private static Sentence sentence(TextSpan span, String s, List<String> headingPath, boolean row, int header) {
        Set<String> terms = Set.copyOf(TextAnalyzer.terms(s));
        String folded = ScriptFolding.fold(s).toLowerCase(Locale.ROOT);
        return new Sentence(span, s, folded, terms, headingPath.contains(s.strip()), row, header);
    }

    private static TextSpan trimmed(String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return start < end ? new TextSpan(start, end) : null;
    }
}
