package io.docchat.cluster;

import io.docchat.core.DocChat;
import io.docchat.core.model.Account;
import io.docchat.core.model.Document;
import io.docchat.core.model.Folder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The node {@link KilledNodeTest} kills: a child JVM that opens an engine on the shared database, submits documents
 * and parses them slowly, printing {@code submitted ID} after each submission returned, then stays up until killed.
 *
 * <p>Arguments: database address, data directory, number of documents.
 */
final class IngestingNode {
    private static final Duration PARSE_DELAY = Duration.ofMillis(400);

    private IngestingNode() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path home = Path.of(args[1]);
        int documents = Integer.parseInt(args[2]);
        try (ClusterEngine engine = ClusterEngine.open(url, home, PARSE_DELAY)) {
            DocChat docChat = engine.docChat();
            Folder folder = docChat.folders().ensurePath(Account.LOCAL, "manuals");
            for (int i = 0; i < documents; i++) {
                Document document = docChat.documents().submit(Account.LOCAL, folder.id(), "manual-" + i + ".txt",
                        text(i).getBytes(StandardCharsets.UTF_8));
                System.out.println("submitted " + document.id());
                System.out.flush();
            }
            Thread.sleep(Duration.ofMinutes(5).toMillis());
        }
    }

    /** A word found only in document {@code i}, so that a search for it finds exactly that document's passages. */
    static String marker(int i) {
        StringBuilder sb = new StringBuilder("zq");
        int n = i;
        for (int k = 0; k < 4; k++) {
            sb.append((char) ('a' + n % 26));
            n /= 26;
        }
        return sb.toString();
    }

    /** A few paragraphs, every sentence naming the document's marker. */
    static String text(int i) {
        String marker = marker(i);
        StringBuilder sb = new StringBuilder("Manual " + marker + "\n\n");
        for (int p = 0; p < 12; p++) {
            sb.append("Step ").append(p + 1).append(" of the ").append(marker)
                    .append(" procedure checks the valve and records the pressure. ")
                    .append("The ").append(marker).append(" unit then runs for ").append(p + 2)
                    .append(" minutes before the operator reads the gauge again.\n\n");
        }
        return sb.toString();
    }
}
