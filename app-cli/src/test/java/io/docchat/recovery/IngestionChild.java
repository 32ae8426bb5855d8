package io.docchat.recovery;

import ch.qos.logback.classic.Level;
import io.docchat.core.DocChat;
import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.model.Account;
import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.Folder;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.ResultPage;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process that {@link CrashRecoveryTest} kills: it opens the real stack on a data directory, submits generated
 * documents into a folder tree as fast as it can, deletes some of them (some still waiting to be parsed, some just
 * parsed, and some of an earlier cycle), and reports each finished step on standard output, one line each:
 *
 * <pre>
 * submitted ID FILE_KEY FILE_NAME
 * deleting ID FILE_KEY FILE_NAME
 * deleted ID FILE_KEY FILE_NAME
 * completed ID
 * idle
 * </pre>
 *
 * A line is printed only after the step has returned, so every reported step happened before a kill; only
 * {@code deleting} comes before its step, which may or may not have happened when no {@code deleted} follows. {@code idle}
 * means everything submitted was processed; the test kills the process long before that.
 *
 * <p>Arguments: data directory, cycle number, number of documents to submit.
 */
final class IngestionChild {

    /** Documents right after which the document submitted just before is deleted, likely before it is parsed. */
    private static final int DELETE_PENDING_EVERY = 9;
    /** Documents deleted as soon as they are parsed. */
    private static final int DELETE_COMPLETED_EVERY = 11;
    /** Documents of earlier cycles deleted when a cycle starts. */
    private static final int DELETE_EARLIER_EVERY = 7;

    private final DocChat docChat;
    private final int cycle;
    private final PrintStream out;

    private IngestionChild(DocChat docChat, int cycle, PrintStream out) {
        this.docChat = docChat;
        this.cycle = cycle;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        // Standard output carries the report; the library's logging stays quiet unless something goes wrong.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Path directory = Path.of(args[0]);
        int cycle = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        try (RecoveryStack stack = RecoveryStack.open(directory)) {
            new IngestionChild(stack.docChat(), cycle, System.out).run(count);
            // Stay up, as a server would, until the test kills the process.
            Thread.sleep(Duration.ofMinutes(2).toMillis());
        }
    }

    private void run(int count) throws InterruptedException {
        List<Folder> folders = List.of(
                docChat.folders().ensurePath(Account.LOCAL, "cycle" + cycle + "/manuals"),
                docChat.folders().ensurePath(Account.LOCAL, "cycle" + cycle + "/manuals/pumps/2024"),
                docChat.folders().ensurePath(Account.LOCAL, "cycle" + cycle + "/reports"),
                docChat.folders().ensurePath(Account.LOCAL, "shared"));
        deleteSomeOfEarlierCycles();

        BlockingQueue<Submitted> toAwait = new LinkedBlockingQueue<>();
        Thread waiter = new Thread(() -> awaitAll(toAwait, count), "recovery-waiter");
        waiter.start();
        // Generated up front, so that submissions outpace parsing and the kill finds a queue of waiting documents.
        List<TestCorpus.GeneratedDocument> corpus = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            corpus.add(TestCorpus.document(cycle, index));
        }
        Submitted previous = null;
        for (int index = 0; index < count; index++) {
            TestCorpus.GeneratedDocument generated = corpus.get(index);
            Document document = docChat.documents().submit(Account.LOCAL, folders.get(index % folders.size()).id(),
                    generated.fileName(), generated.content());
            report("submitted " + describe(document));
            Submitted submitted = new Submitted(index, document);
            if (index % DELETE_PENDING_EVERY == DELETE_PENDING_EVERY - 1 && previous != null) {
                delete(previous.document());
            }
            toAwait.add(submitted);
            previous = submitted;
        }
        waiter.join();
        report("idle");
    }

    /** Reports each document as it is processed, in submission order, and deletes some of them at once. */
    private void awaitAll(BlockingQueue<Submitted> toAwait, int count) {
        try {
            for (int awaited = 0; awaited < count; awaited++) {
                Submitted submitted = toAwait.take();
                Optional<Document> processed = processed(submitted.document().id());
                if (processed.isEmpty()) {
                    continue;
                }
                report("completed " + processed.get().id());
                if (submitted.index() % DELETE_COMPLETED_EVERY == DELETE_COMPLETED_EVERY - 1) {
                    delete(processed.get());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The document once final, or empty when it was deleted meanwhile. */
    private Optional<Document> processed(long documentId) {
        try {
            Document document = docChat.documents().awaitProcessed(Account.LOCAL, documentId, Duration.ofMinutes(2));
            return document.status().isFinal() ? Optional.of(document) : Optional.empty();
        } catch (DocChatException e) {
            if (e.code() == ErrorCode.DOCUMENT_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private void deleteSomeOfEarlierCycles() {
        List<Document> earlier = new ArrayList<>();
        for (int page = 1; ; page++) {
            ResultPage<Document> result = docChat.documents().list(Account.LOCAL, null, new PageRequest(page, 100));
            earlier.addAll(result.items());
            if (page >= result.totalPages()) {
                break;
            }
        }
        for (int i = 0; i < earlier.size(); i++) {
            Document document = earlier.get(i);
            if (i % DELETE_EARLIER_EVERY == 0 && document.status() == DocumentStatus.PARSING_COMPLETED) {
                delete(document);
            }
        }
    }

    private void delete(Document document) {
        // Announced first: a kill after the deletion but before its report must not pass for a lost document.
        report("deleting " + describe(document));
        try {
            docChat.documents().delete(Account.LOCAL, document.id());
        } catch (DocChatException e) {
            if (e.code() == ErrorCode.DOCUMENT_NOT_FOUND) {
                return;
            }
            throw e;
        }
        report("deleted " + describe(document));
    }

    private static String describe(Document document) {
        return document.id() + " " + document.fileKey() + " " + document.fileName();
    }

    private void report(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    private record Submitted(int index, Document document) {}
}
