package io.docchat.sqlite;

import io.docchat.core.model.BlockType;
import io.docchat.core.model.Box;
import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.Folder;
import io.docchat.core.model.Page;
import io.docchat.core.model.PassageLine;
import io.docchat.core.model.TextBlock;
import io.docchat.core.model.TextLine;
import io.docchat.core.port.KnowledgeStore;
import io.docchat.core.port.NewDocument;
import io.docchat.core.port.NewPassage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The child process of {@link DurabilityTest}: writes documents the way the ingestion engine does (insert as PENDING,
 * mark PARSING, complete with pages and passages in one call, now and then delete an earlier document) until it is
 * killed. Each document's name says how many pages and passages it must have, so the parent can check completeness.
 * Prints one line per completed document so the parent knows when to strike.
 */
final class DurabilityWriter {
    static final String ACCOUNT = "durable";
    private static final Pattern NAME = Pattern.compile("doc-(\\d+)-pages-(\\d+)-passages-(\\d+)\\.pdf");

    private DurabilityWriter() {}

    /** The pages and passages a document named by this class must have once complete. */
    record Expected(int pages, int passages) {
        static Expected of(String fileName) {
            Matcher matcher = NAME.matcher(fileName);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("not a durability document: " + fileName);
            }
            return new Expected(Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)));
        }
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        String folderId = args[1];
        int firstNumber = Integer.parseInt(args[2]);
        SqliteDatabase database = SqliteDatabase.open(file);
        KnowledgeStore store = database.knowledgeStore();
        if (store.findFolder(ACCOUNT, folderId).isEmpty()) {
            store.insertFolder(new Folder(folderId, ACCOUNT, null, "Durability", Instant.now()));
        }
        List<Long> completed = new ArrayList<>();
        for (int n = firstNumber; n < firstNumber + 1_000_000; n++) {
            int pages = 1 + n % 7;
            int passages = 200 + (n % 5) * 150;
            String name = "doc-" + n + "-pages-" + pages + "-passages-" + passages + ".pdf";
            Document document = store.insertDocument(new NewDocument(ACCOUNT, folderId, name, "hash-" + n, 1000,
                    "files/" + n, Instant.now()));
            store.updateStatus(document.id(), DocumentStatus.PARSING, null);
            store.completeDocument(document.id(), pages(pages), passages(passages, pages), List.of());
            completed.add(document.id());
            if (n % 4 == 3) {
                store.deleteDocument(ACCOUNT, completed.remove(completed.size() / 2));
            }
            System.out.println("completed " + n);
            System.out.flush();
        }
        database.close();
    }

    private static List<Page> pages(int count) {
        List<Page> pages = new ArrayList<>(count);
        for (int p = 1; p <= count; p++) {
            List<TextLine> lines = new ArrayList<>();
            for (int l = 0; l < 40; l++) {
                lines.add(new TextLine("page " + p + " line " + l, new Box(72, 72 + 14 * l, 450, 12)));
            }
            pages.add(new Page(p, 595, 842, 0, List.of(new TextBlock(BlockType.PARAGRAPH, 0, lines))));
        }
        return pages;
    }

    private static List<NewPassage> passages(int count, int pages) {
        List<NewPassage> passages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String text = ("Passage " + i + " of a document written until the process is killed. ").repeat(4);
            int page = 1 + i % pages;
            passages.add(new NewPassage(i, text, List.of("Chapter " + page),
                    List.of(new PassageLine(page, 1 + i % 40, new Box(72, 72, 450, 12), 0, text.length()))));
        }
        return passages;
    }
}
