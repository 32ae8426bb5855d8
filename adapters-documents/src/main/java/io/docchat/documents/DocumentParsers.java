package io.docchat.documents;

import io.docchat.core.port.DocumentParser;
import java.util.List;

/** The parsers of this module, ready to hand to {@code DocChat.builder().parser(...)}. */
public final class DocumentParsers {

    private DocumentParsers() {}

    /** Every parser of this module with {@link DocumentLimits#defaults()}. */
    public static List<DocumentParser> all() {
        return all(DocumentLimits.defaults());
    }

    /** Every parser of this module: PDF, Word, Excel and HTML, each deciding by content first and name second. */
    public static List<DocumentParser> all(DocumentLimits limits) {
        return List.of(new PdfParser(limits), new WordParser(limits), new ExcelParser(limits), new HtmlParser(limits));
    }
}
