package io.docchat.documents;

import io.docchat.core.model.BlockType;
import io.docchat.core.port.DocumentParser;
import io.docchat.core.port.ParseResult;
import io.docchat.core.port.ParsedDocument;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.model.StyleDescription;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.IRunElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBrType;

/**
 * Reads Word documents, {@code .docx} (XWPF) and {@code .doc} (HWPF): headings from heading styles (with their
 * level), list items, tables row by row with cells separated by {@code " | "} (a nested table's rows follow the row
 * that holds it), and pages split at explicit page breaks or, lacking them, by size.
 */
public final class WordParser implements DocumentParser {

    private static final Pattern HEADING_STYLE = Pattern.compile("(?:heading|标题|見出し)\\s*(\\d)");

    private final DocumentLimits limits;

    public WordParser() {
        this(DocumentLimits.defaults());
    }

    public WordParser(DocumentLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public boolean accepts(String fileName, byte[] content) {
        FileKind kind = ContentSniffer.kindOf(fileName, content);
        if (kind == FileKind.ENCRYPTED_OFFICE) {
            FileKind named = ContentSniffer.byName(fileName);
            return named != FileKind.XLS && named != FileKind.XLSX;
        }
        return kind == FileKind.DOC || kind == FileKind.DOCX;
    }

    @Override
    public ParseResult parse(String fileName, byte[] content) {
        FileKind kind = ContentSniffer.kindOf(fileName, content);
        Optional<ParseResult> refused = OfficeFailures.precheck(content, kind, limits);
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            return kind == FileKind.DOC ? parseDoc(content) : parseDocx(content);
        } catch (IOException | RuntimeException e) {
            return OfficeFailures.of(e, "Word document");
        } catch (OutOfMemoryError e) {
            return OfficeFailures.of(new FlowPages.TextLimitExceeded(limits.maxTextChars()), "Word document");
        }
    }

    // ---- .docx ----

    private ParseResult parseDocx(byte[] content) throws IOException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
            FlowPages pages = new FlowPages(limits.wordPageChars(), limits.maxTextChars());
            docxBody(document, document.getBodyElements(), pages);
            String title = document.getProperties().getCoreProperties().getTitle();
            return result(title, pages);
        }
    }

    private void docxBody(XWPFDocument document, List<IBodyElement> elements, FlowPages pages) {
        for (IBodyElement element : elements) {
            if (element instanceof XWPFParagraph paragraph) {
                docxParagraph(document, paragraph, pages);
            } else if (element instanceof XWPFTable table) {
                docxTable(table, pages);
            } else if (element instanceof XWPFSDT sdt) {
                pages.add(BlockType.PARAGRAPH, 0, sdt.getContent().getText());
            }
        }
    }

    private void docxParagraph(XWPFDocument document, XWPFParagraph paragraph, FlowPages pages) {
        CTPPr properties = paragraph.getCTP().getPPr();
        if (paragraph.isPageBreak()) {
            pages.pageBreak();
        }
        int level = headingLevel(document, paragraph);
        BlockType type = level > 0 ? BlockType.HEADING
                : paragraph.getNumID() != null ? BlockType.LIST_ITEM : BlockType.PARAGRAPH;
        StringBuilder text = new StringBuilder();
        for (IRunElement run : paragraph.getIRuns()) {
            if (run instanceof XWPFRun r) {
                text.append(r.text());
                if (hasPageBreak(r)) {
                    pages.add(type, level, text.toString());
                    text.setLength(0);
                    pages.pageBreak();
                }
            } else if (run instanceof XWPFSDT sdt) {
                text.append(sdt.getContent().getText());
            }
        }
        pages.add(type, level, text.toString());
        if (properties != null && properties.isSetSectPr()) {
            pages.pageBreak();
        }
    }

    private static boolean hasPageBreak(XWPFRun run) {
        for (CTBr br : run.getCTR().getBrList()) {
            if (br.isSetType() && br.getType() == STBrType.PAGE) {
                return true;
            }
        }
        return false;
    }

    private static int headingLevel(XWPFDocument document, XWPFParagraph paragraph) {
        String styleId = paragraph.getStyleID();
        if (styleId == null) {
            return 0;
        }
        String name = styleId;
        if (document.getStyles() != null) {
            XWPFStyle style = document.getStyles().getStyle(styleId);
            if (style != null && style.getName() != null) {
                name = style.getName();
            }
        }
        return headingLevel(name, styleId);
    }

    private static int headingLevel(String styleName, String styleId) {
        for (String candidate : new String[] {styleName, styleId}) {
            if (candidate == null) {
                continue;
            }
            String lower = candidate.toLowerCase(Locale.ROOT);
            Matcher matcher = HEADING_STYLE.matcher(lower);
            if (matcher.find()) {
                return Math.max(1, Integer.parseInt(matcher.group(1)));
            }
            if (lower.equals("title") || lower.equals("标题")) {
                return 1;
            }
        }
        return 0;
    }

    private void docxTable(XWPFTable table, FlowPages pages) {
        for (XWPFTableRow row : table.getRows()) {
            List<String> cells = new ArrayList<>();
            List<XWPFTable> nested = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                StringBuilder cellText = new StringBuilder();
                for (IBodyElement element : cell.getBodyElements()) {
                    if (element instanceof XWPFParagraph p) {
                        appendWithSpace(cellText, p.getText());
                    } else if (element instanceof XWPFTable t) {
                        nested.add(t);
                    } else if (element instanceof XWPFSDT sdt) {
                        appendWithSpace(cellText, sdt.getContent().getText());
                    }
                }
                cells.add(cellText.toString());
            }
            pages.add(BlockType.TABLE_ROW, 0, List.of(joinCells(cells)));
            for (XWPFTable t : nested) {
                docxTable(t, pages);
            }
        }
    }

    // ---- .doc ----

    private ParseResult parseDoc(byte[] content) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content));
             HWPFDocument document = new HWPFDocument(fs)) {
            FlowPages pages = new FlowPages(limits.wordPageChars(), limits.maxTextChars());
            Range range = document.getRange();
            int count = range.numParagraphs();
            int i = 0;
            while (i < count) {
                Paragraph paragraph = range.getParagraph(i);
                if (paragraph.isInTable()) {
                    Table table = tableAt(range, paragraph);
                    if (table != null && table.numParagraphs() > 0) {
                        docTable(table, pages);
                        i += table.numParagraphs();
                        continue;
                    }
                }
                docParagraph(document, paragraph, pages);
                i++;
            }
            String title = document.getSummaryInformation() == null ? null
                    : document.getSummaryInformation().getTitle();
            return result(title, pages);
        }
    }

    private static Table tableAt(Range range, Paragraph paragraph) {
        try {
            return range.getTable(paragraph);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void docParagraph(HWPFDocument document, Paragraph paragraph, FlowPages pages) {
        String raw = paragraph.text();
        int level = docHeadingLevel(document, paragraph);
        BlockType type = level > 0 ? BlockType.HEADING
                : paragraph.isInList() ? BlockType.LIST_ITEM : BlockType.PARAGRAPH;
        String[] parts = raw.split("\f", -1);
        for (int p = 0; p < parts.length; p++) {
            if (p > 0) {
                pages.pageBreak();
            }
            pages.add(type, level, cleanDocText(parts[p]));
        }
    }

    private static int docHeadingLevel(HWPFDocument document, Paragraph paragraph) {
        String name = null;
        try {
            StyleDescription style = document.getStyleSheet().getStyleDescription(paragraph.getStyleIndex());
            name = style == null ? null : style.getName();
        } catch (RuntimeException e) {
            // An unreadable style table only costs the heading level.
        }
        int level = headingLevel(name, null);
        if (level > 0) {
            return level;
        }
        // Built-in style indexes 1 to 9 are "heading 1" to "heading 9" whatever the localised name says.
        int istd = paragraph.getStyleIndex();
        return istd >= 1 && istd <= 9 ? istd : 0;
    }

    private static void docTable(Table table, FlowPages pages) {
        for (int r = 0; r < table.numRows(); r++) {
            TableRow row = table.getRow(r);
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.numCells(); c++) {
                TableCell cell = row.getCell(c);
                cells.add(cleanDocText(cell.text()).replace('\n', ' '));
            }
            pages.add(BlockType.TABLE_ROW, 0, List.of(joinCells(cells)));
        }
    }

    /**
     * Word's binary text marks cells, fields and objects with control characters: field codes (between 0x13 and
     * 0x14) are dropped and their results kept, cell and row marks and object anchors removed, line breaks kept.
     */
    static String cleanDocText(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        int fieldDepth = 0;
        boolean[] inCode = new boolean[16];
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '\u0013' -> {
                    fieldDepth = Math.min(fieldDepth + 1, inCode.length - 1);
                    inCode[fieldDepth] = true;
                }
                case '\u0014' -> inCode[fieldDepth] = false;
                case '\u0015' -> {
                    inCode[fieldDepth] = false;
                    fieldDepth = Math.max(0, fieldDepth - 1);
                }
                case '\r', '\u000b' -> {
                    if (!inCode[fieldDepth]) {
                        sb.append('\n');
                    }
                }
                case '\u0007' -> {
                    if (!inCode[fieldDepth]) {
                        sb.append(' ');
                    }
                }
                case '\t' -> {
                    if (!inCode[fieldDepth]) {
                        sb.append(' ');
                    }
                }
                default -> {
                    if (!inCode[fieldDepth] && (c >= ' ' || c == '\n')) {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString().strip();
    }

    // ---- shared ----

    private static ParseResult result(String title, FlowPages pages) {
        List<io.docchat.core.model.Page> parsed = pages.pages();
        if (parsed.isEmpty()) {
            return ParseResult.failure(io.docchat.core.port.ParseFailure.EMPTY, "The Word document has no text.");
        }
        return ParseResult.success(new ParsedDocument(blankToNull(title), parsed, List.of()));
    }

    static String joinCells(List<String> cells) {
        int last = cells.size() - 1;
        while (last >= 0 && cells.get(last).isBlank()) {
            last--;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= last; i++) {
            if (i > 0) {
                sb.append(" | ");
            }
            sb.append(cells.get(i).strip().replaceAll("\\s+", " "));
        }
        return sb.toString();
    }

    private static void appendWithSpace(StringBuilder sb, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        if (sb.length() > 0) {
            sb.append(' ');
        }
        sb.append(text.strip());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
