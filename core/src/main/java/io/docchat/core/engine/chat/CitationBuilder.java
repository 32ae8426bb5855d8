package io.docchat.core.engine.chat;

import io.docchat.core.api.RetrievedPassage;
import io.docchat.core.model.Citation;
import io.docchat.core.model.CitedLine;
import io.docchat.core.model.CitedPage;
import io.docchat.core.model.Document;
import io.docchat.core.model.Passage;
import io.docchat.core.model.PassageLine;
import io.docchat.core.model.PassagePage;
import io.docchat.core.port.CitedSpan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the spans an answer model cites into citations: the lines each span overlaps, grouped by document (in order
 * of first citation), then by page, with each page's size and rotation so that a client can draw the line boxes.
 * Everything comes from the passages themselves (recorded when they were cut): no page is read again.
 */
final class CitationBuilder {
    /** The passages of the prompt: number {@code n} is element {@code n - 1}. */
    private final List<RetrievedPassage> selected;

    CitationBuilder(List<RetrievedPassage> selected) {
        this.selected = List.copyOf(selected);
    }

    /** Spans covering every selected passage whole: what a model that cites nothing specific was shown. */
    List<CitedSpan> wholePassages() {
        List<CitedSpan> spans = new ArrayList<>(selected.size());
        for (int i = 0; i < selected.size(); i++) {
            spans.add(new CitedSpan(i + 1, 0, selected.get(i).passage().text().length()));
        }
        return spans;
    }

    /** The citations for these spans; spans naming no selected passage or covering no text are ignored. */
    List<Citation> build(List<CitedSpan> spans) {
        Map<Long, CitedDocument> byDocument = new LinkedHashMap<>();
        for (CitedSpan span : spans) {
            if (span.passageNumber() < 1 || span.passageNumber() > selected.size()) {
                continue;
            }
            RetrievedPassage retrieved = selected.get(span.passageNumber() - 1);
            Passage passage = retrieved.passage();
            String text = passage.text();
            int start = Math.max(0, Math.min(span.start(), text.length()));
            int end = Math.max(start, Math.min(span.end(), text.length()));
            if (start == end) {
                continue;
            }
            CitedDocument cited = byDocument.computeIfAbsent(
                    passage.documentId(), id -> new CitedDocument(retrieved.document()));
            String snippet = text.substring(start, end).strip();
            if (!snippet.isEmpty()) {
                cited.snippets.add(snippet);
            }
            for (PassageLine line : passage.lines()) {
                if (line.start() < end && line.end() > start) {
                    int lineStart = Math.max(0, Math.min(line.start(), text.length()));
                    int lineEnd = Math.max(lineStart, Math.min(line.end(), text.length()));
                    cited.lines.computeIfAbsent(line.pageNumber(), p -> new TreeMap<>())
                            .putIfAbsent(line.lineNumber(), new LineRef(line, text.substring(lineStart, lineEnd)));
                    passage.page(line.pageNumber()).ifPresent(page -> cited.pages.putIfAbsent(page.number(), page));
                }
            }
        }
        List<Citation> citations = new ArrayList<>(byDocument.size());
        for (CitedDocument cited : byDocument.values()) {
            citations.add(cited.toCitation());
        }
        return citations;
    }

    private record LineRef(PassageLine line, String passageText) {}

    private static final class CitedDocument {
        final Document document;
        final Set<String> snippets = new LinkedHashSet<>();
        final TreeMap<Integer, TreeMap<Integer, LineRef>> lines = new TreeMap<>();
        final Map<Integer, PassagePage> pages = new HashMap<>();

        CitedDocument(Document document) {
            this.document = document;
        }

        Citation toCitation() {
            List<CitedPage> citedPages = new ArrayList<>(lines.size());
            for (Map.Entry<Integer, TreeMap<Integer, LineRef>> entry : lines.entrySet()) {
                List<CitedLine> citedLines = new ArrayList<>(entry.getValue().size());
                for (LineRef ref : entry.getValue().values()) {
                    // The whole line as on its page; passages stored before that was recorded have their own part.
                    String lineText = ref.line().text() != null ? ref.line().text() : ref.passageText();
                    citedLines.add(new CitedLine(ref.line().lineNumber(), ref.line().box(), lineText));
                }
                PassagePage page = pages.get(entry.getKey());
                citedPages.add(page == null
                        ? new CitedPage(entry.getKey(), 0, 0, 0, citedLines)
                        : new CitedPage(entry.getKey(), page.width(), page.height(), page.rotation(), citedLines));
            }
            return new Citation(document.id(), document.fileName(), document.pageCount(), citedPages,
                    String.join(" ", snippets));
        }
    }
}
