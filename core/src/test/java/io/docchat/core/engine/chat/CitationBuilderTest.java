package io.docchat.core.engine.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.api.RetrievedPassage;
import io.docchat.core.memory.InMemoryKnowledgeStore;
import io.docchat.core.model.BlockType;
import io.docchat.core.model.Box;
import io.docchat.core.model.Citation;
import io.docchat.core.model.CitedLine;
import io.docchat.core.model.CitedPage;
import io.docchat.core.model.Document;
import io.docchat.core.model.Folder;
import io.docchat.core.model.Page;
import io.docchat.core.model.Passage;
import io.docchat.core.model.PassageLine;
import io.docchat.core.model.PassagePage;
import io.docchat.core.model.TextBlock;
import io.docchat.core.model.TextLine;
import io.docchat.core.port.CitedSpan;
import io.docchat.core.port.NewDocument;
import io.docchat.core.port.NewPassage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mapping cited character spans of passages to documents, pages and line boxes. */
class CitationBuilderTest {
    private static final String ME = "acme";

    private final InMemoryKnowledgeStore store = new InMemoryKnowledgeStore();

    /**
     * A two-page document: page 1 (portrait, 600x800) has a heading line and two body lines, page 2 (rotated 90,
     * 800x600) has one line. The passage runs from page 1 line 2 across to page 2 line 1.
     */
    private static final String LINE_1_2 = "Remove the cover before service.";
    private static final String LINE_1_3 = "Disconnect the power first.";
    private static final String LINE_2_1 = "Then open the valve slowly.";
    private static final String TEXT = LINE_1_2 + " " + LINE_1_3 + " " + LINE_2_1;

    @Test
    void spanAcrossAPageBreakCitesTheLinesOfBothPagesWithTheirGeometry() {
        Fixture fixture = documentWithPassage("manual.pdf");
        CitationBuilder builder = new CitationBuilder(List.of(fixture.retrieved()));

        int start = TEXT.indexOf("power");
        int end = TEXT.indexOf("slowly");
        List<Citation> citations = builder.build(List.of(new CitedSpan(1, start, end)));

        Citation citation = citations.get(0);
        assertThat(citations).hasSize(1);
        assertThat(citation.documentName()).isEqualTo("manual.pdf");
        assertThat(citation.pageCount()).isEqualTo(fixture.document().pageCount());
        assertThat(citation.snippet()).isEqualTo(TEXT.substring(start, end).strip());
        assertThat(citation.pages()).extracting(CitedPage::pageNumber).containsExactly(1, 2);
        CitedPage first = citation.pages().get(0);
        assertThat(first.width()).isEqualTo(600f);
        assertThat(first.height()).isEqualTo(800f);
        assertThat(first.lines()).containsExactly(new CitedLine(3, new Box(50, 140, 300, 12), LINE_1_3));
        CitedPage second = citation.pages().get(1);
        assertThat(second.rotation()).isEqualTo(90);
        assertThat(second.width()).isEqualTo(800f);
        assertThat(second.lines()).containsExactly(new CitedLine(1, new Box(40, 60, 320, 12), LINE_2_1));
    }

    @Test
    void spansAreGroupedByDocumentInOrderOfFirstCitationAndBadSpansIgnored() {
        Fixture a = documentWithPassage("a.pdf");
        Fixture b = documentWithPassage("b.pdf");
        CitationBuilder builder = new CitationBuilder(List.of(a.retrieved(), b.retrieved()));

        List<Citation> citations = builder.build(List.of(
                new CitedSpan(2, 0, LINE_1_2.length()),
                new CitedSpan(1, TEXT.indexOf(LINE_2_1), TEXT.length() + 50),
                new CitedSpan(2, TEXT.indexOf(LINE_1_3), TEXT.indexOf(LINE_1_3) + 4),
                new CitedSpan(3, 0, 10),
                new CitedSpan(0, 0, 10),
                new CitedSpan(1, 5, 5)));

        assertThat(citations).extracting(Citation::documentName).containsExactly("b.pdf", "a.pdf");
        assertThat(citations.get(0).pages()).singleElement().satisfies(page ->
                assertThat(page.lines()).extracting(CitedLine::lineNumber).containsExactly(2, 3));
        assertThat(citations.get(0).snippet()).isEqualTo(LINE_1_2 + " Disc");
        assertThat(citations.get(1).pages()).singleElement().satisfies(page -> {
            assertThat(page.pageNumber()).isEqualTo(2);
            assertThat(page.lines()).extracting(CitedLine::text).containsExactly(LINE_2_1);
        });
    }

    @Test
    void wholePassagesCoverEverySelectedPassage() {
        Fixture a = documentWithPassage("a.pdf");
        Fixture b = documentWithPassage("b.pdf");
        CitationBuilder builder = new CitationBuilder(List.of(a.retrieved(), b.retrieved()));

        assertThat(builder.wholePassages())
                .containsExactly(new CitedSpan(1, 0, TEXT.length()), new CitedSpan(2, 0, TEXT.length()));
        assertThat(builder.build(builder.wholePassages())).hasSize(2)
                .allSatisfy(c -> assertThat(c.pages()).extracting(CitedPage::pageNumber).containsExactly(1, 2));
    }

    @Test
    void aPassageStoredWithoutPageDataCitesItsOwnTextAndNoGeometry() {
        Fixture fixture = documentWithPassage("old.pdf");
        Passage recorded = fixture.passage();
        List<PassageLine> bare = recorded.lines().stream()
                .map(l -> new PassageLine(l.pageNumber(), l.lineNumber(), l.box(), l.start(), l.end()))
                .toList();
        Passage old = new Passage(recorded.id(), recorded.documentId(), recorded.accountId(), recorded.folderId(),
                recorded.ordinal(), recorded.text(), recorded.headingPath(), bare);
        CitationBuilder builder = new CitationBuilder(List.of(new RetrievedPassage(old, fixture.document(), 1f)));

        int start = TEXT.indexOf("power");
        Citation citation = builder.build(List.of(new CitedSpan(1, start, start + 5))).get(0);

        assertThat(citation.pages()).singleElement().satisfies(page -> {
            assertThat(page.width()).isZero();
            assertThat(page.rotation()).isZero();
            assertThat(page.lines()).containsExactly(new CitedLine(3, new Box(50, 140, 300, 12), LINE_1_3));
        });
    }

    private record Fixture(Document document, Passage passage) {
        RetrievedPassage retrieved() {
            return new RetrievedPassage(passage, document, 1f);
        }
    }

    private Fixture documentWithPassage(String name) {
        String folderId = String.format("%032x", name.hashCode() & 0xffffffffL);
        if (store.findFolder(ME, folderId).isEmpty()) {
            store.insertFolder(new Folder(folderId, ME, null, "docs", Instant.EPOCH));
        }
        Document inserted = store.insertDocument(
                new NewDocument(ME, folderId, name, "hash-" + name, 100, "files/" + name, Instant.EPOCH));
        Page one = new Page(1, 600, 800, 0, List.of(
                new TextBlock(BlockType.HEADING, 1, List.of(new TextLine("Maintenance", new Box(50, 100, 200, 16)))),
                new TextBlock(BlockType.PARAGRAPH, 0, List.of(
                        new TextLine(LINE_1_2, new Box(50, 125, 300, 12)),
                        new TextLine(LINE_1_3, new Box(50, 140, 300, 12))))));
        Page two = new Page(2, 800, 600, 90, List.of(
                new TextBlock(BlockType.PARAGRAPH, 0, List.of(new TextLine(LINE_2_1, new Box(40, 60, 320, 12))))));
        int s2 = 0;
        int s3 = LINE_1_2.length() + 1;
        int s4 = s3 + LINE_1_3.length() + 1;
        // What the chunker records: each line's page text, and the size and rotation of the pages.
        NewPassage passage = new NewPassage(0, TEXT, List.of("Maintenance"), List.of(
                new PassageLine(1, 2, new Box(50, 125, 300, 12), s2, s2 + LINE_1_2.length(), LINE_1_2),
                new PassageLine(1, 3, new Box(50, 140, 300, 12), s3, s3 + LINE_1_3.length(), LINE_1_3),
                new PassageLine(2, 1, new Box(40, 60, 320, 12), s4, s4 + LINE_2_1.length(), LINE_2_1)),
                List.of(new PassagePage(1, 600, 800, 0), new PassagePage(2, 800, 600, 90)));
        store.completeDocument(inserted.id(), List.of(one, two), List.of(passage), List.of());
        return new Fixture(store.findDocument(inserted.id()).orElseThrow(),
                store.passagesOfDocument(inserted.id()).get(0));
    }
}
