package io.docchat.documents;

import io.docchat.core.model.Page;
import io.docchat.core.port.DocumentParser;
import io.docchat.core.port.ParseFailure;
import io.docchat.core.port.ParseResult;
import io.docchat.core.port.ParsedDocument;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads Excel workbooks, {@code .xlsx} streamed with the XSSF event API (memory stays flat however many rows) and
 * {@code .xls} with HSSF: one page per sheet, formulas as their cached values, formatted as Excel displays them.
 * An error value is written as {@code ERROR:#CODE} (for example {@code ERROR:#N/A}).
 */
public final class ExcelParser implements DocumentParser {

    private final DocumentLimits limits;

    public ExcelParser() {
        this(DocumentLimits.defaults());
    }

    public ExcelParser(DocumentLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public boolean accepts(String fileName, byte[] content) {
        FileKind kind = ContentSniffer.kindOf(fileName, content);
        if (kind == FileKind.ENCRYPTED_OFFICE) {
            FileKind named = ContentSniffer.byName(fileName);
            return named == FileKind.XLS || named == FileKind.XLSX;
        }
        return kind == FileKind.XLS || kind == FileKind.XLSX;
    }

    @Override
    public ParseResult parse(String fileName, byte[] content) {
        FileKind kind = ContentSniffer.kindOf(fileName, content);
        Optional<ParseResult> refused = OfficeFailures.precheck(content, kind, limits);
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            List<Page> pages = kind == FileKind.XLS ? parseXls(content) : parseXlsx(content);
            if (pages.size() > limits.maxPages()) {
                return tooManySheets(pages.size());
            }
            if (pages.isEmpty()) {
                return ParseResult.failure(ParseFailure.EMPTY, "The workbook has no sheets.");
            }
            return ParseResult.success(new ParsedDocument(null, pages, List.of()));
        } catch (TooManySheets e) {
            return tooManySheets(e.count);
        } catch (IOException | RuntimeException | SAXException | OpenXML4JException | ParserConfigurationException e) {
            return OfficeFailures.of(e, "workbook");
        } catch (OutOfMemoryError e) {
            return OfficeFailures.of(new FlowPages.TextLimitExceeded(limits.maxTextChars()), "workbook");
        }
    }

    private ParseResult tooManySheets(int count) {
        return ParseResult.failure(ParseFailure.LIMIT_EXCEEDED,
                "The workbook has " + count + " sheets or more; the limit is " + limits.maxPages() + ".");
    }

    // ---- .xlsx, streamed ----

    private List<Page> parseXlsx(byte[] content)
            throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            DataFormatter formatter = new CellFormatter();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            List<Page> pages = new ArrayList<>();
            long chars = 0;
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    if (pages.size() >= limits.maxPages()) {
                        throw new TooManySheets(pages.size() + 1);
                    }
                    SheetWriter writer = new SheetWriter(pages.size() + 1, sheets.getSheetName(), chars,
                            limits.maxTextChars());
                    RowCollector rows = new RowCollector(writer);
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, formatter, false));
                    xml.parse(new InputSource(sheet));
                    rows.finish();
                    pages.add(writer.page());
                    chars += writer.chars();
                }
            }
            return pages;
        }
    }

    /** Gathers the cells of each streamed row by column, then hands the row to the sheet writer. */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final SheetWriter writer;
        private final List<String> cells = new ArrayList<>();
        private int nextColumn;

        RowCollector(SheetWriter writer) {
            this.writer = writer;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            nextColumn = 0;
        }

        @Override
        public void endRow(int rowNum) {
            writer.row(new ArrayList<>(cells));
            cells.clear();
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = cellReference == null ? nextColumn : new CellReference(cellReference).getCol();
            while (cells.size() < column) {
                cells.add(null);
            }
            if (cells.size() == column) {
                cells.add(formattedValue);
            } else {
                cells.set(column, formattedValue);
            }
            nextColumn = column + 1;
        }

        void finish() {
            if (!cells.isEmpty()) {
                writer.row(new ArrayList<>(cells));
                cells.clear();
            }
        }
    }

    // ---- .xls ----

    private List<Page> parseXls(byte[] content) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content));
             HSSFWorkbook workbook = new HSSFWorkbook(fs.getRoot(), false)) {
            if (workbook.getNumberOfSheets() > limits.maxPages()) {
                throw new TooManySheets(workbook.getNumberOfSheets());
            }
            DataFormatter formatter = new CellFormatter();
            List<Page> pages = new ArrayList<>();
            long chars = 0;
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                Sheet sheet = workbook.getSheetAt(s);
                SheetWriter writer = new SheetWriter(s + 1, sheet.getSheetName(), chars, limits.maxTextChars());
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (Cell cell : row) {
                        int column = cell.getColumnIndex();
                        while (cells.size() < column) {
                            cells.add(null);
                        }
                        cells.add(cellText(cell, formatter));
                    }
                    writer.row(cells);
                }
                pages.add(writer.page());
                chars += writer.chars();
            }
            return pages;
        }
    }

    /** What Excel shows in the cell; for a formula, its cached result (formulas are never evaluated here). */
    static String cellText(Cell cell, DataFormatter formatter) {
        CellType type = cell.getCellType();
        if (type != CellType.FORMULA) {
            if (type == CellType.ERROR) {
                return errorText(cell.getErrorCellValue());
            }
            if (type == CellType.NUMERIC) {
                return formatter.formatRawCellContents(cell.getNumericCellValue(),
                        cell.getCellStyle().getDataFormat(), cell.getCellStyle().getDataFormatString());
            }
            return formatter.formatCellValue(cell);
        }
        return switch (cell.getCachedFormulaResultType()) {
            case NUMERIC -> formatter.formatRawCellContents(cell.getNumericCellValue(),
                    cell.getCellStyle().getDataFormat(), cell.getCellStyle().getDataFormatString());
            case STRING -> cell.getRichStringCellValue().getString();
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case ERROR -> errorText(cell.getErrorCellValue());
            default -> "";
        };
    }

    private static String errorText(byte code) {
        try {
            return "ERROR:" + FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            return "ERROR:" + code;
        }
    }

    /** Thrown as soon as a workbook is known to hold more sheets than allowed. */
    private static final class TooManySheets extends RuntimeException {
        final int count;

        TooManySheets(int count) {
            super(null, null, false, false);
            this.count = count;
        }
    }
}
