package io.docchat.documents;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Formats cells as Excel displays them, except dates, which are written in ISO 8601 ({@code 2020-01-31},
 * {@code 2020-01-31 14:05}): a locale's short date such as {@code 1/2/20} is ambiguous to a reader and to search.
 */
final class CellFormatter extends DataFormatter {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    CellFormatter() {
        super(Locale.US);
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
        if (value >= 1 && DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
            LocalDateTime time = DateUtil.getLocalDateTime(value, use1904Windowing, true);
            if (time != null) {
                if (time.toLocalTime().toSecondOfDay() == 0) {
                    return DATE.format(time);
                }
                return (time.getSecond() == 0 ? MINUTES : SECONDS).format(time);
            }
        }
        return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
    }
}
