package io.docchat.documents;

import static io.docchat.documents.PdfParserTest.parsed;
import static io.docchat.documents.PdfParserTest.texts;
import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.model.BlockType;
import io.docchat.core.model.TextBlock;
import io.docchat.core.port.ParseFailure;
import io.docchat.core.port.ParseResult;
import io.docchat.core.port.ParsedDocument;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HtmlParserTest {

    private final HtmlParser parser = new HtmlParser();

    @Test
    void readsHeadingsParagraphsListsAndTablesWithoutScriptsOrStyles() {
        String html = """
                <!DOCTYPE html><html><head><title>Guide</title><style>p { color: red }</style>
                <script>var hidden = "do not index";</script></head>
                <body><h1>Getting started</h1><p>Install the <b>tool</b> first.<br>Then run it.</p>
                <ul><li>Step one<ul><li>Sub step</li></ul></li><li>Step two</li></ul>
                <h2>Options</h2>
                <table><tr><th>Name</th><th>Meaning</th></tr>
                <tr><td>-v</td><td>verbose<table><tr><td>inner a</td><td>inner b</td></tr></table></td></tr></table>
                <div>Loose text <span>in a div</span><p>and a paragraph</p></div>
                <pre>code line 1
                code line 2</pre><noscript>enable scripts</noscript><p>中文段落</p></body></html>
                """;

        ParsedDocument document = parsed(parser.parse("guide.html", html.getBytes(StandardCharsets.UTF_8)));

        assertThat(document.title()).isEqualTo("Guide");
        var page = document.pages().get(0);
        assertThat(texts(page)).containsExactly("Getting started", "Install the tool first.", "Then run it.",
                "Step one", "Sub step", "Step two", "Options", "Name | Meaning", "-v | verbose",
                "inner a | inner b", "Loose text in a div", "and a paragraph", "code line 1", "code line 2",
                "中文段落");
        assertThat(page.blocks()).extracting(TextBlock::type).containsExactly(BlockType.HEADING,
                BlockType.PARAGRAPH, BlockType.LIST_ITEM, BlockType.LIST_ITEM, BlockType.LIST_ITEM,
                BlockType.HEADING, BlockType.TABLE_ROW, BlockType.TABLE_ROW, BlockType.TABLE_ROW,
                BlockType.PARAGRAPH, BlockType.PARAGRAPH, BlockType.CODE, BlockType.PARAGRAPH);
        assertThat(page.blocks().get(5).level()).isEqualTo(2);
        assertThat(texts(page)).noneMatch(t -> t.contains("do not index") || t.contains("color")
                || t.contains("enable scripts"));
    }

    @Test
    void acceptsHtmlByContentOrNameButNotPlainTextOrMarkdown() {
        byte[] html = "<html><body><p>hi</p></body></html>".getBytes(StandardCharsets.UTF_8);
        byte[] text = "# Title\n\nplain *markdown* text".getBytes(StandardCharsets.UTF_8);

        assertThat(parser.accepts("page.bin", html)).isTrue();
        assertThat(parser.accepts("page.htm", "<p>fragment</p>".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(parser.accepts("notes.md", text)).isFalse();
        assertThat(parser.accepts("notes.txt", text)).isFalse();
    }

    @Test
    void emptyPagesFail() {
        assertThat(parser.parse("empty.html", new byte[0])).isInstanceOf(ParseResult.Failure.class);
        ParseResult blank = parser.parse("blank.html", "<html><body><script>x()</script></body></html>".getBytes());
        assertThat(((ParseResult.Failure) blank).kind()).isEqualTo(ParseFailure.EMPTY);
    }
}
