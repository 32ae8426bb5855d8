package io.docchat.core.text.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.model.Page;
import io.docchat.core.port.NewPassage;
import io.docchat.core.port.ParseFailure;
import io.docchat.core.port.ParseResult;
import io.docchat.core.port.ParsedDocument;
import io.docchat.core.text.chunking.Chunker;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The text parser reads a stream of pieces, yet gives the pages and passages (text, page and line numbers) of reading
 * the whole file at once, and stops at its limits without reading on.
 */
class StreamedTextTest {
    private final Chunker chunker = Chunker.defaults();

    @ParameterizedTest
    @ValueSource(strings = {"notes.txt", "guide.md", "table.csv"})
    void givesThePagesAndPassagesOfReadingTheWholeText(String name) {
        for (long seed = 1; seed <= 6; seed++) {
            for (boolean formFeeds : new boolean[] {false, true}) {
                byte[] content = generated(name, new Random(seed), formFeeds).getBytes(StandardCharsets.UTF_8);
                // Over several decoding pieces and Markdown runs, so that every place they may be cut is crossed.
                assertThat(content.length).isGreaterThan(3 * TextDecoding.CHUNK_CHARS);

                ParsedDocument whole = success(new WholeTextParser().parse(name, content));
                ParsedDocument streamed = success(new PlainTextParser(5_000, 50_000_000L).parse(name, content));

                assertThat(streamed.title()).isEqualTo(whole.title());
                assertThat(streamed.pages()).hasSize(whole.pages().size());
                assertThat(streamed.pages()).containsExactlyElementsOf(whole.pages());
                List<NewPassage> expected = chunker.chunk(whole.pages());
                assertThat(expected).hasSizeGreaterThan(20);
                assertThat(chunker.chunk(streamed.pages())).containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void utf16AndCarriageReturnsAcrossPiecesGiveTheSamePages() {
        String text = generated("notes.txt", new Random(7), false).replace("\n", "\r\n");
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] content = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(body, 0, content, bom.length, body.length);

        List<Page> whole = success(new WholeTextParser().parse("notes.txt", content)).pages();
        List<Page> streamed = success(new PlainTextParser().parse("notes.txt", content)).pages();

        assertThat(streamed).containsExactlyElementsOf(whole);
    }

    @Test
    void aTextOverThePageLimitIsRefusedWithTheReason() {
        // About 20 MB: more than 5,000 pages of 3,000 characters, the engine's page limit.
        byte[] content = lines(20_000_000).getBytes(StandardCharsets.UTF_8);

        ParseResult result = new PlainTextParser(5_000, 50_000_000L).parse("big.log", content);

        assertThat(result).isInstanceOf(ParseResult.Failure.class);
        ParseResult.Failure failure = (ParseResult.Failure) result;
        assertThat(failure.kind()).isEqualTo(ParseFailure.LIMIT_EXCEEDED);
        assertThat(failure.message()).isEqualTo("The document has more than 5000 pages; the limit is 5000.");
    }

    @Test
    void aTextAtItsLimitsIsReadWholeAndOneCharacterMoreIsRefused() {
        String text = lines(400_000);
        ParsedDocument read = success(new PlainTextParser().parse("a.txt", utf8(text)));
        int pages = read.pages().size();
        long chars = read.pages().stream().flatMap(p -> p.blocks().stream()).flatMap(b -> b.lines().stream())
                .mapToLong(l -> l.text().length()).sum();
        assertThat(pages).isGreaterThan(100);

        assertThat(success(new PlainTextParser(pages, chars).parse("a.txt", utf8(text))).pages())
                .containsExactlyElementsOf(read.pages());
        assertThat(failure(new PlainTextParser(pages - 1, chars).parse("a.txt", utf8(text))))
                .isEqualTo("The document has more than " + (pages - 1) + " pages; the limit is " + (pages - 1) + ".");
        assertThat(failure(new PlainTextParser(pages, chars - 1).parse("a.txt", utf8(text))))
                .isEqualTo("The document has more than " + (chars - 1) + " characters of text; the limit is "
                        + (chars - 1) + ".");
    }

    @Test
    void aLineLongerThanTheCharacterLimitIsRefusedWithoutBeingHeldWhole() {
        String text = "short line\n" + "z".repeat(5_000) + "\n";

        assertThat(failure(new PlainTextParser(10, 1_000).parse("a.txt", utf8(text))))
                .isEqualTo("The document has a line of more than 1000 characters; the limit is 1000 characters of"
                        + " text.");
    }

    @Test
    void formFeedPagesCountTowardsThePageLimitButATrailingFormFeedDoesNot() {
        String text = "one\ftwo\fthree\f";

        assertThat(success(new PlainTextParser(3, 100).parse("a.txt", utf8(text))).pages()).hasSize(3);
        assertThat(failure(new PlainTextParser(2, 100).parse("a.txt", utf8(text))))
                .isEqualTo("The document has more than 2 pages; the limit is 2.");
    }

    /** Numbered lines of words in paragraphs, about {@code chars} characters. */
    private static String lines(int chars) {
        StringBuilder text = new StringBuilder(chars + 100);
        int n = 0;
        while (text.length() < chars) {
            text.append("Line ").append(n).append(" of the pump log says the pressure was ").append(n % 97)
                    .append(" bar.\n");
            if (++n % 9 == 0) {
                text.append('\n');
            }
        }
        return text.toString();
    }

    private static String generated(String name, Random random, boolean formFeeds) {
        StringBuilder text = new StringBuilder();
        int line = 0;
        while (text.length() < 4 * TextDecoding.CHUNK_CHARS) {
            line++;
            if (formFeeds && random.nextInt(150) == 0) {
                text.append('\f');
            }
            int kind = random.nextInt(20);
            if (name.endsWith(".csv")) {
                if (kind == 0) {
                    text.append("\"a quoted cell\nover two lines, with \"\"quotes\"\"\",").append(line).append('\n');
                } else if (kind == 1) {
                    text.append('\n');
                } else {
                    text.append("part ").append(line).append(",valve ").append(random.nextInt(50)).append(',')
                            .append(random.nextInt(1000)).append(" kPa\n");
                }
                continue;
            }
            switch (kind) {
                case 0, 1 -> text.append('\n');
                case 2 -> text.append("# Chapter ").append(line).append("\n\n");
                case 3 -> text.append("- item ").append(line).append(" of the list\n  continued here\n");
                case 4 -> text.append("```\ncode line ").append(line).append("\n\n# not a heading\n```\n");
                case 5 -> text.append("| a | b |\n|---|---|\n| ").append(line).append(" | x |\n\n");
                case 6 -> text.append("Title ").append(line).append("\n====\n");
                case 7 -> text.append("a long line ").append("word ".repeat(random.nextInt(400))).append('\n');
                case 8 -> text.append("windows line ").append(line).append("\r\n");
                default -> text.append("Sentence ").append(line).append(" tells how the **pump** is primed.\n");
            }
        }
        return text.toString();
    }

    private static ParsedDocument success(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Success.class);
        return ((ParseResult.Success) result).document();
    }

    private static String failure(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Failure.class);
        ParseResult.Failure failure = (ParseResult.Failure) result;
        assertThat(failure.kind()).isEqualTo(ParseFailure.LIMIT_EXCEEDED);
        return failure.message();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
