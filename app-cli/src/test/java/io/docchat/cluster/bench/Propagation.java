package io.docchat.cluster.bench;

import io.docchat.cli.Backend;
import io.docchat.cli.DataHome;
import io.docchat.cli.ModelSettings;
import io.docchat.cli.PostgresBackend;
import io.docchat.cli.StoreSettings;
import io.docchat.core.api.ChatRequest;
import io.docchat.core.model.Account;
import io.docchat.core.model.ChatItem;
import io.docchat.core.model.Document;
import io.docchat.core.model.Folder;
import io.docchat.core.model.Session;
import io.docchat.documents.OcrSettings;
import io.docchat.postgres.ThrowawayPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * How soon a document completed by node A is answered, with a citation of it, by node B: two nodes in this JVM on
 * one PostgreSQL database; R times, a new document is submitted to A and awaited there, then B is asked about it
 * until its answer cites the document. Prints the median and the largest delay after completion. A program, not a
 * test; command in {@code docs/SCALING.md}.
 *
 * <p>Argument: rounds (default 20).
 */
public final class Propagation {
    private Propagation() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String url = ThrowawayPostgres.shared().newDatabase();
        Path temp = Files.createTempDirectory("docchat-propagation-");
        try (Backend a = open(url, temp.resolve("a")); Backend b = open(url, temp.resolve("b"))) {
            Folder folder = a.docChat().folders().ensurePath(Account.LOCAL, "manuals");
            Session session = b.docChat().sessions().create(Account.LOCAL, folder.id(), "propagation", null);
            List<Double> delays = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                String word = "zq" + (char) ('a' + r % 26) + (char) ('a' + r / 26) + "valve";
                String text = "The " + word + " is checked every week. The technician records the " + word
                        + " pressure in the log book.\n";
                Document document = a.docChat().documents().submit(Account.LOCAL, folder.id(), "note-" + r + ".txt",
                        text.getBytes(StandardCharsets.UTF_8));
                a.docChat().documents().awaitProcessed(Account.LOCAL, document.id(), Duration.ofMinutes(1));
                long completed = System.nanoTime();
                while (true) {
                    ChatItem answer = b.docChat().chat().ask(Account.LOCAL,
                            new ChatRequest(session.id(), "How often is the " + word + " checked?", null));
                    if (answer.citations().stream().anyMatch(c -> c.documentId() == document.id())) {
                        break;
                    }
                    Thread.sleep(5);
                }
                delays.add((System.nanoTime() - completed) / 1e6);
            }
            Collections.sort(delays);
            System.out.printf(Locale.ROOT, "answered with a citation on node B after completion on node A:"
                    + " median %.0f ms, max %.0f ms (%d documents)%n", delays.get(delays.size() / 2),
                    delays.get(delays.size() - 1), rounds);
        }
    }

    private static Backend open(String url, Path home) {
        return PostgresBackend.open(new DataHome(home).create(), new StoreSettings(url), ModelSettings.EXTRACTIVE,
                OcrSettings.disabled());
    }
}
