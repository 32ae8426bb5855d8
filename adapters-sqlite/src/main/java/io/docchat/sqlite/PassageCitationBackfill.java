package io.docchat.sqlite;

import io.docchat.core.model.PassageLine;
import io.docchat.core.model.PassagePage;
import io.docchat.core.model.TextBlock;
import io.docchat.core.model.TextLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives passages stored before migration 3 what citations now read from the passage itself: each line's page text
 * and the size and rotation of its pages, taken once from the document's stored pages. SQL alone cannot decode the
 * page blobs, so this runs in Java when the database opens; a passage it has filled has {@code pages} set and is
 * never visited again. One write transaction per document keeps the writer free for others in between.
 */
final class PassageCitationBackfill {
    private static final Logger log = LoggerFactory.getLogger(PassageCitationBackfill.class);

    private PassageCitationBackfill() {}

    /** Fills every passage that lacks the data; returns how many documents it touched. */
    static int run(SqliteTransactions transactions) {
        List<Long> documents = transactions.read("finding passages without citation data", handle -> handle
                .createQuery("SELECT DISTINCT document_id FROM passage WHERE pages IS NULL ORDER BY document_id")
                .mapTo(Long.class)
                .list());
        for (long documentId : documents) {
            transactions.write("recording the citation data of document " + documentId, handle -> {
                fill(handle, documentId);
                return null;
            });
        }
        if (!documents.isEmpty()) {
            log.info("recorded page sizes and line texts in the passages of {} documents", documents.size());
        }
        return documents.size();
    }

    private static void fill(Handle handle, long documentId) {
        Map<Integer, PassagePage> sizes = new HashMap<>();
        Map<Long, String> lineTexts = new HashMap<>();
        handle.createQuery("SELECT number, width, height, rotation, blocks FROM page WHERE document_id = ?")
                .bind(0, documentId)
                .map((rs, ctx) -> {
                    int number = rs.getInt(1);
                    sizes.put(number, new PassagePage(number, rs.getFloat(2), rs.getFloat(3), rs.getInt(4)));
                    int lineNumber = 0;
                    for (TextBlock block : ContentCodec.decodeBlocks(rs.getBytes(5))) {
                        for (TextLine line : block.lines()) {
                            lineTexts.put(key(number, ++lineNumber), line.text());
                        }
                    }
                    return number;
                })
                .list();
        record Row(long id, List<PassageLine> lines) {}
        List<Row> rows = handle.createQuery("SELECT id, lines FROM passage WHERE document_id = ? AND pages IS NULL")
                .bind(0, documentId)
                .map((rs, ctx) -> new Row(rs.getLong(1), ContentCodec.decodePassageLines(rs.getBytes(2))))
                .list();
        ByteWriter scratch = new ByteWriter(256);
        for (Row row : rows) {
            List<PassageLine> lines = new ArrayList<>(row.lines().size());
            List<PassagePage> pages = new ArrayList<>(2);
            for (PassageLine line : row.lines()) {
                String text = line.text() != null
                        ? line.text() : lineTexts.get(key(line.pageNumber(), line.lineNumber()));
                lines.add(new PassageLine(line.pageNumber(), line.lineNumber(), line.box(), line.start(), line.end(),
                        text));
                PassagePage page = sizes.get(line.pageNumber());
                if (page != null && !pages.contains(page)) {
                    pages.add(page);
                }
            }
            pages.sort((a, b) -> Integer.compare(a.number(), b.number()));
            handle.createUpdate("UPDATE passage SET lines = ?, pages = ? WHERE id = ?")
                    .bind(0, ContentCodec.encodePassageLines(lines, scratch))
                    .bind(1, ContentCodec.encodePassagePages(pages, scratch))
                    .bind(2, row.id())
                    .execute();
        }
    }

    private static long key(int page, int line) {
        return ((long) page << 32) | (line & 0xffffffffL);
    }
}
