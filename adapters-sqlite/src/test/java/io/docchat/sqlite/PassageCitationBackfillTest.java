package io.docchat.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.model.BlockType;
import io.docchat.core.model.Box;
import io.docchat.core.model.Document;
import io.docchat.core.model.Folder;
import io.docchat.core.model.Page;
import io.docchat.core.model.Passage;
import io.docchat.core.model.PassageLine;
import io.docchat.core.model.TextBlock;
import io.docchat.core.model.TextLine;
import io.docchat.core.port.NewDocument;
import io.docchat.core.port.NewPassage;
import io.docchat.core.text.chunking.Chunker;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database written before migration 3 (passage lines without their page text, no page sizes) is upgraded on open:
 * its passages then carry exactly what passages cut today carry.
 */
class PassageCitationBackfillTest {
    @TempDir
    Path directory;

    @Test
    void passagesOfAnOlderDatabaseGetTheirLineTextsAndPageSizes() throws Exception {
        Path file = directory.resolve("docchat.db");
        List<Page> pages = List.of(
                new Page(1, 595.2f, 842, 0, List.of(new TextBlock(BlockType.PARAGRAPH, 0, List.of(
                        new TextLine("Intro text. Prime the pump", new Box(10, 20, 300, 12)),
                        new TextLine("with water first.", new Box(10, 34, 200, 12)))))),
                new Page(2, 842, 595.2f, 90, List.of(new TextBlock(BlockType.PARAGRAPH, 0, List.of(
                        new TextLine("Then start it.", null))))));
        List<NewPassage> cut = new Chunker(20, 40).chunk(pages);
        long documentId;
        List<Passage> today;
        try (SqliteDatabase database = SqliteDatabase.open(file)) {
            database.knowledgeStore().insertFolder(new Folder("f1", "acme", null, "docs", Instant.EPOCH));
            Document document = database.knowledgeStore().insertDocument(
                    new NewDocument("acme", "f1", "pump.pdf", "hash", 10, "files/pump", Instant.EPOCH));
            documentId = document.id();
            database.knowledgeStore().completeDocument(documentId, pages, cut, List.of());
            today = database.knowledgeStore().passagesOfDocument(documentId);
        }
        assertThat(today).allSatisfy(p -> assertThat(p.pages()).isNotEmpty());
        makeItLookWrittenBeforeMigration3(file);

        try (SqliteDatabase reopened = SqliteDatabase.open(file)) {
            assertThat(reopened.knowledgeStore().passagesOfDocument(documentId)).isEqualTo(today);
        }
    }

    @Test
    void aCurrentDatabaseIsLeftAsItIs() {
        try (SqliteDatabase database = SqliteDatabase.open(directory.resolve("docchat.db"))) {
            database.knowledgeStore().insertFolder(new Folder("f1", "acme", null, "docs", Instant.EPOCH));
            Document document = database.knowledgeStore().insertDocument(
                    new NewDocument("acme", "f1", "a.txt", "hash", 1, "files/a", Instant.EPOCH));
            database.knowledgeStore().completeDocument(document.id(), List.of(new Page(1, 0, 0, 0, List.of())),
                    List.of(new NewPassage(0, "No lines.", List.of(), List.of())), List.of());
            assertThat(PassageCitationBackfill.run(database.transactions())).isZero();
        }
    }

    /** Rewrites the file as an older docchat left it: schema version 2, format 1 lines, no pages column. */
    private static void makeItLookWrittenBeforeMigration3(Path file) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            List<Long> ids = new ArrayList<>();
            List<byte[]> legacyLines = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT id, lines FROM passage")) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                    legacyLines.add(formatOne(ContentCodec.decodePassageLines(rows.getBytes(2))));
                }
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE passage SET lines = ? WHERE id = ?")) {
                for (int i = 0; i < ids.size(); i++) {
                    update.setBytes(1, legacyLines.get(i));
                    update.setLong(2, ids.get(i));
                    update.executeUpdate();
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE passage DROP COLUMN pages");
                // Later migrations go too: a database of version 2 has none of them.
                statement.execute("DROP TABLE IF EXISTS passage_vector");
                statement.execute("DELETE FROM schema_version WHERE version >= 3");
            }
        }
    }

    /** The passage-line layout written before line texts were recorded. */
    private static byte[] formatOne(List<PassageLine> lines) {
        ByteWriter out = new ByteWriter(64);
        out.writeByte(1);
        out.writeVarInt(lines.size());
        for (PassageLine line : lines) {
            out.writeSignedVarInt(line.pageNumber());
            out.writeSignedVarInt(line.lineNumber());
            out.writeSignedVarInt(line.start());
            out.writeSignedVarInt(line.end());
            if (line.box() == null) {
                out.writeByte(0);
            } else {
                out.writeByte(1);
                out.writeFloat(line.box().x());
                out.writeFloat(line.box().y());
                out.writeFloat(line.box().width());
                out.writeFloat(line.box().height());
            }
        }
        return out.toByteArray();
    }
}
