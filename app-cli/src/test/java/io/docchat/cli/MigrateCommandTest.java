package io.docchat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.model.Account;
import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.Session;
import io.docchat.postgres.PostgresStorage;
import io.docchat.postgres.ThrowawayPostgres;
import io.docchat.sqlite.SqliteDatabase;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docchat migrate} on a real embedded knowledge base (PDF, Word, text and a corrupt PDF ingested by the CLI,
 * questions asked, an access key created) into a real PostgreSQL server, then the copy used through {@code --store}.
 */
class MigrateCommandTest {
    @TempDir
    Path temp;

    @Test
    void copiesEverythingChecksTheCountsAndTheCopyAnswersLikeTheOriginal() throws Exception {
        CliHarness cli = new CliHarness(temp);
        cli.run("ingest", Fixtures.manuals(temp.resolve("manuals")).toString(), "--folder", "manuals/2024");
        CliHarness.Result asked = cli.run("ask", "--folder", "manuals", "How long is the compressor warranty?");
        assertThat(asked.exitCode()).as(asked.err()).isZero();
        cli.run("ask", "--folder", "manuals/2024", "How is the centrifugal pump primed before starting?");
        CliHarness.Result key = cli.run("keys", "create");
        assertThat(key.exitCode()).as(key.err()).isZero();
        List<Document> before;
        List<Session> sessionsBefore;
        try (SqliteDatabase embedded = SqliteDatabase.open(temp.resolve("data").resolve("docchat.db"))) {
            before = embedded.knowledgeStore().findDocumentsByStatus(EnumSet.allOf(DocumentStatus.class));
            sessionsBefore = embedded.chatStore().listSessions(Account.LOCAL, null, null, PageRequest.first(100))
                    .items();
        }
        String url = ThrowawayPostgres.shared().newDatabase();

        CliHarness.Result migrated = cli.run("migrate", "--to", url);

        assertThat(migrated.exitCode()).as(migrated.out() + migrated.err()).isZero();
        assertThat(migrated.out()).contains("every count matches").doesNotContain("MISMATCH");
        try (PostgresStorage copy = PostgresStorage.open(url)) {
            Map<String, Long> counts = copy.importer().counts();
            assertThat(counts).containsEntry("document", 4L).containsEntry("stored_file", 4L)
                    .containsEntry("chat_session", 2L).containsEntry("chat_item", 2L).containsEntry("access_key", 1L);
            assertThat(copy.knowledgeStore().findDocumentsByStatus(EnumSet.allOf(DocumentStatus.class)))
                    .containsExactlyElementsOf(before);
            assertThat(copy.chatStore().listSessions(Account.LOCAL, null, null, PageRequest.first(100)).items())
                    .containsExactlyElementsOf(sessionsBefore);
            for (Document document : before) {
                assertThat(copy.fileStore().read(document.fileKey())).isPresent();
            }
        }

        CliHarness.Result again = cli.run("migrate", "--to", url);
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.err()).contains("already holds docchat data");

        CliHarness.Result fromCopy = cli.run("ask", "--store", url, "--folder", "manuals",
                "How is the centrifugal pump primed before starting?");
        assertThat(fromCopy.exitCode()).as(fromCopy.err()).isZero();
        String sources = fromCopy.out().substring(fromCopy.out().indexOf("Sources:"));
        assertThat(sources).contains("pump-manual.pdf").contains("page 2").contains("primed with clean water");
    }
}
