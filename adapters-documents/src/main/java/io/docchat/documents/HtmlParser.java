package io.docchat.documents;

import io.docchat.core.model.BlockType;
import io.docchat.core.port.DocumentParser;
import io.docchat.core.port.ParseFailure;
import io.docchat.core.port.ParseResult;
import io.docchat.core.port.ParsedDocument;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads HTML with jsoup: scripts, styles and other non-content elements dropped; headings {@code h1}-{@code h6} with
 * their level, list items, preformatted text, and tables row by row with cells separated by {@code " | "}. Pages are
 * split by size.
 */
public final class HtmlParser implements DocumentParser {

    private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template", "svg", "canvas",
            "iframe", "object", "embed", "head", "button", "select", "input", "textarea");
    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "body", "caption",
            "center", "dd", "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
            "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu", "nav",
            "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul");

    private final DocumentLimits limits;

    public HtmlParser() {
        this(DocumentLimits.defaults());
    }

    public HtmlParser(DocumentLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public boolean accepts(String fileName, byte[] content) {
        return ContentSniffer.kindOf(fileName, content) == FileKind.HTML;
    }

    @Override
    public ParseResult parse(String fileName, byte[] content) {
        Optional<ParseResult> refused = limits.refuseEmptyOrTooLarge(content);
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            Document document = Jsoup.parse(new ByteArrayInputStream(content), null, "");
            String title = document.title().isBlank() ? null : document.title().strip();
            for (String tag : DROPPED) {
                document.select(tag).remove();
            }
            FlowPages pages = new FlowPages(limits.wordPageChars(), limits.maxTextChars());
            Element body = document.body();
            if (body != null) {
                container(body, pages);
            }
            var parsed = pages.pages();
            if (parsed.isEmpty()) {
                return ParseResult.failure(ParseFailure.EMPTY, "The HTML page has no text.");
            }
            return ParseResult.success(new ParsedDocument(title, parsed, List.of()));
        } catch (FlowPages.Interrupted e) {
            return ParseResult.failure(ParseFailure.TIMEOUT, "Parsing the HTML was stopped before it finished.");
        } catch (FlowPages.TextLimitExceeded e) {
            return ParseResult.failure(ParseFailure.LIMIT_EXCEEDED, e.getMessage());
        } catch (IOException | RuntimeException e) {
            return ParseResult.failure(ParseFailure.CORRUPT, "The HTML could not be read: " + e.getMessage());
        }
    }

    /** Walks an element holding blocks: runs of inline content between blocks become paragraphs. */
    private void container(Element element, FlowPages pages) {
        List<String> inline = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode text) {
                current.append(text.text());
            } else if (child instanceof Element e) {
                String tag = e.normalName();
                if (tag.equals("br")) {
                    inline.add(current.toString());
                    current.setLength(0);
                } else if (BLOCKS.contains(tag) || hasBlock(e)) {
                    inline.add(current.toString());
                    current.setLength(0);
                    pages.add(BlockType.PARAGRAPH, 0, inline);
                    inline.clear();
                    block(e, pages);
                } else {
                    current.append(e.text());
                }
            }
        }
        inline.add(current.toString());
        pages.add(BlockType.PARAGRAPH, 0, inline);
    }

    private void block(Element e, FlowPages pages) {
        String tag = e.normalName();
        switch (tag) {
            case "h1", "h2", "h3", "h4", "h5", "h6" ->
                    pages.add(BlockType.HEADING, tag.charAt(1) - '0', e.text());
            case "table" -> table(e, pages);
            case "pre" -> pages.add(BlockType.CODE, 0, e.wholeText());
            case "li" -> listItem(e, pages);
            case "hr" -> { }
            default -> container(e, pages);
        }
    }

    private void listItem(Element li, FlowPages pages) {
        StringBuilder own = new StringBuilder();
        List<Element> nested = new ArrayList<>();
        for (Node child : li.childNodes()) {
            if (child instanceof TextNode text) {
                own.append(text.text());
            } else if (child instanceof Element e) {
                String tag = e.normalName();
                if (tag.equals("ul") || tag.equals("ol") || tag.equals("table")) {
                    nested.add(e);
                } else {
                    own.append(' ').append(e.text()).append(' ');
                }
            }
        }
        pages.add(BlockType.LIST_ITEM, 0, own.toString().replaceAll("\\s+", " "));
        for (Element e : nested) {
            block(e, pages);
        }
    }

    private void table(Element table, FlowPages pages) {
        for (Element row : table.select("tr")) {
            if (row.closest("table") != table) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            List<Element> nested = new ArrayList<>();
            for (Element cell : row.children()) {
                if (!cell.normalName().equals("td") && !cell.normalName().equals("th")) {
                    continue;
                }
                Element copy = cell.clone();
                for (Element inner : cell.select("table")) {
                    if (inner.parent() != null && inner.closest("td, th") == cell) {
                        nested.add(inner);
                    }
                }
                copy.select("table").remove();
                cells.add(copy.text());
            }
            pages.add(BlockType.TABLE_ROW, 0, List.of(WordParser.joinCells(cells)));
            for (Element inner : nested) {
                table(inner, pages);
            }
        }
    }

    private static boolean hasBlock(Element e) {
        for (Element child : e.children()) {
            if (BLOCKS.contains(child.normalName()) || hasBlock(child)) {
                return true;
            }
        }
        return false;
    }
}
