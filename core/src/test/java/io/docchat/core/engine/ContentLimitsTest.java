package io.docchat.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.DocChat;
import io.docchat.core.model.BlockType;
import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.Folder;
import io.docchat.core.model.Page;
import io.docchat.core.model.TextBlock;
import io.docchat.core.model.TextLine;
import io.docchat.core.port.DocumentParser;
import io.docchat.core.port.ParseResult;
import io.docchat.core.port.ParsedDocument;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's page limit holds for every parser, not only those that check it themselves, and for text. */
class ContentLimitsTest {
    private static final String ME = "limits-account";

    @Test
    void aDocumentOverThePageLimitFailsWithTheReasonAndOthersAreUntouched() {
        try (DocChat docChat = DocChat.builder().parser(new ManyPagesParser()).build()) {
            Folder folder = docChat.folders().create(ME, null, "inbox");
            Document tooLong = docChat.documents().submit(ME, folder.id(), "long.pages", bytes("5001"));
            Document fine = docChat.documents().submit(ME, folder.id(), "fine.pages", bytes("5000"));

            Document failed = docChat.documents().awaitProcessed(ME, tooLong.id(), Duration.ofSeconds(60));
            assertThat(failed.status()).isEqualTo(DocumentStatus.PARSING_FAILED);
            assertThat(failed.errorMessage()).isEqualTo("The document has 5001 pages; the limit is 5000.");
            Document completed = docChat.documents().awaitProcessed(ME, fine.id(), Duration.ofSeconds(60));
            assertThat(completed.status()).isEqualTo(DocumentStatus.PARSING_COMPLETED);
            assertThat(completed.pageCount()).isEqualTo(5000);
        }
    }

    @Test
    void aTextFileOverThePageLimitFailsWithTheReasonAndOneWithinItIsSearchable() {
        try (DocChat docChat = DocChat.builder().build()) {
            Folder folder = docChat.folders().create(ME, null, "logs");
            // About 20 MB of text: more than 5,000 pages of 3,000 characters; the other about 3 MB.
            Document tooLong = docChat.documents().submit(ME, folder.id(), "huge.log", bytes(log(20_000_000)));
            Document fine = docChat.documents().submit(ME, folder.id(), "pump.log", bytes(log(3_000_000)));

            Document failed = docChat.documents().awaitProcessed(ME, tooLong.id(), Duration.ofSeconds(60));
            assertThat(failed.status()).isEqualTo(DocumentStatus.PARSING_FAILED);
            assertThat(failed.errorMessage()).isEqualTo("The document has more than 5000 pages; the limit is 5000.");
            Document completed = docChat.documents().awaitProcessed(ME, fine.id(), Duration.ofSeconds(60));
            assertThat(completed.status()).isEqualTo(DocumentStatus.PARSING_COMPLETED);
            assertThat(completed.pageCount()).isBetween(1_000, 5_000);
        }
    }

    /** Numbered lines of a pump log, about {@code chars} characters. */
    private static String log(int chars) {
        StringBuilder text = new StringBuilder(chars + 100);
        for (int n = 0; text.length() < chars; n++) {
            text.append("Reading ").append(n).append(": the pump ran at ").append(n % 89).append(" bar.\n");
        }
        return text.toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Reads {@code *.pages} files holding a number N as N pages of one short line each. */
    private static final class ManyPagesParser implements DocumentParser {
        @Override
        public boolean accepts(String fileName, byte[] content) {
            return fileName.endsWith(".pages");
        }

        @Override
        public ParseResult parse(String fileName, byte[] content) {
            int count = Integer.parseInt(new String(content, StandardCharsets.UTF_8).strip());
            List<Page> pages = new ArrayList<>(count);
            for (int n = 1; n <= count; n++) {
                pages.add(new Page(n, 0, 0, 0, List.of(new TextBlock(BlockType.PARAGRAPH, 0,
                        List.of(new TextLine("Page " + n + " of the log.", null))))));
            }
            return ParseResult.success(new ParsedDocument(null, pages, List.of()));
        }
    }
}
