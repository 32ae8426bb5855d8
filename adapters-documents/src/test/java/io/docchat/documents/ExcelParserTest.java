package io.docchat.documents;

import static io.docchat.documents.PdfParserTest.assertFailure;
import static io.docchat.documents.PdfParserTest.parsed;
import static io.docchat.documents.PdfParserTest.texts;
import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.model.BlockType;
import io.docchat.core.model.Page;
import io.docchat.core.model.TextBlock;
import io.docchat.core.port.ParseFailure;
import io.docchat.core.port.ParsedDocument;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.Arrays;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExcelParserTest {

    private final ExcelParser parser = new ExcelParser();

    /** Two sheets: a title row, a header, rows with a formula and a date; and a Chinese sheet. */
    static byte[] workbook(boolean xlsx) throws IOException {
        try (Workbook workbook = xlsx ? new XSSFWorkbook() : new HSSFWorkbook()) {
            Sheet sales = workbook.createSheet("Sales");
            sales.createRow(0).createCell(0).setCellValue("Sales by fruit");
            Row header = sales.createRow(2);
            String[] names = {"Fruit", "Qty", "Price", "Total", "Sold on"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Object[][] rows = {{"Apples", 3, 1.5}, {"Pears", 4, 0.25}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sales.createRow(3 + r);
                row.createCell(0).setCellValue((String) rows[r][0]);
                row.createCell(1).setCellValue((Integer) rows[r][1]);
                row.createCell(2).setCellValue((Double) rows[r][2]);
                row.createCell(3).setCellFormula("B" + (4 + r) + "*C" + (4 + r));
                row.createCell(4).setCellValue(LocalDateTime.of(2024, 3, 1 + r, 0, 0));
                row.getCell(4).setCellStyle(date);
            }
            Row partial = sales.createRow(6);
            partial.createCell(0).setCellValue("Plums");
            partial.createCell(3).setCellValue(7);
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();

            Sheet chinese = workbook.createSheet("销售");
            Row zhHeader = chinese.createRow(0);
            zhHeader.createCell(0).setCellValue("产品");
            zhHeader.createCell(1).setCellValue("数量");
            Row zhRow = chinese.createRow(1);
            zhRow.createCell(0).setCellValue("苹果");
            zhRow.createCell(1).setCellValue(12);
            workbook.createSheet("Empty");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void eachSheetIsAPageOfHeaderValueRowsWithCachedFormulaResults(boolean xlsx) throws IOException {
        String name = xlsx ? "sales.xlsx" : "sales.xls";

        ParsedDocument document = parsed(parser.parse(name, workbook(xlsx)));

        assertThat(document.pages()).hasSize(3);
        Page sales = document.pages().get(0);
        assertThat(texts(sales)).containsExactly("Sales", "Sales by fruit", "Fruit | Qty | Price | Total | Sold on",
                "Fruit: Apples | Qty: 3 | Price: 1.5 | Total: 4.5 | Sold on: 2024-03-01",
                "Fruit: Pears | Qty: 4 | Price: 0.25 | Total: 1 | Sold on: 2024-03-02",
                "Fruit: Plums | Total: 7");
        assertThat(sales.blocks()).extracting(TextBlock::type).containsExactly(BlockType.HEADING,
                BlockType.PARAGRAPH, BlockType.TABLE_ROW, BlockType.TABLE_ROW, BlockType.TABLE_ROW,
                BlockType.TABLE_ROW);
        assertThat(texts(document.pages().get(1))).containsExactly("销售", "产品 | 数量", "产品: 苹果 | 数量: 12");
        assertThat(texts(document.pages().get(2))).containsExactly("Empty");
        assertThat(document.pages()).extracting(Page::number).containsExactly(1, 2, 3);
    }

    @Test
    void tooManySheetsAndDamagedWorkbooksFail() throws IOException {
        byte[] xlsx = workbook(true);

        assertFailure(new ExcelParser(DocumentLimits.defaults().withMaxPages(2)).parse("a.xlsx", xlsx),
                ParseFailure.LIMIT_EXCEEDED);
        assertFailure(new ExcelParser(DocumentLimits.defaults().withMaxPages(2)).parse("a.xls", workbook(false)),
                ParseFailure.LIMIT_EXCEEDED);
        assertFailure(parser.parse("cut.xlsx", Arrays.copyOf(xlsx, xlsx.length / 2)), ParseFailure.CORRUPT);
        assertFailure(parser.parse("empty.xls", new byte[0]), ParseFailure.EMPTY);
        assertFailure(parser.parse("hollow.xls", WordParserTest.oleWithEntry("Workbook")), ParseFailure.EMPTY);
        assertFailure(parser.parse("locked.xlsx", TestOffice.encrypt(xlsx, "pw")), ParseFailure.ENCRYPTED);
    }
}
