package io.docchat.documents;

import io.docchat.core.port.ParseResult;
import io.docchat.core.port.ParsedDocument;
import java.util.List;
import java.util.Locale;

/**
 * Prints the share of characters recovered from the Chinese lines of {@link ImageOcrTest}, drawn with Noto Sans CJK
 * SC at 60 pixels (about 14 points at 300 dpi), for the default languages and for {@code auto}.
 *
 * <p>Usage: {@code ChineseOcrFigure} (no arguments); needs Tesseract with chi_sim and fonts-noto-cjk.
 */
public final class ChineseOcrFigure {

    private ChineseOcrFigure() {}

    public static void main(String[] args) {
        TestScans.Scan scan = TestScans.draw(1400, 700, TestScans.chineseFont(60), 100, 80, 1.8f,
                ImageOcrTest.CHINESE);
        byte[] png = TestScans.png(scan.image());
        String expected = String.join("", ImageOcrTest.CHINESE);
        for (String languages : List.of("eng+chi_sim", "chi_sim", OcrSettings.AUTO)) {
            ImageParser parser = new ImageParser(DocumentLimits.defaults(),
                    OcrSettings.defaults().withLanguages(languages));
            ParseResult result = parser.parse("chinese.png", png);
            ParsedDocument document = ((ParseResult.Success) result).document();
            String text = ImageOcrTest.text(document.pages().get(0));
            System.out.printf(Locale.ROOT, "languages %-11s: %.1f%% of %d characters recovered; read \"%s\"%n",
                    languages, 100 * TestScans.characterRecall(expected, text), expected.length(),
                    text.replace('\n', '/'));
        }
    }
}
