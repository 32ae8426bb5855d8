package io.docchat.cli.commands;

import io.docchat.core.DocChat;
import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.api.FileSubmission;
import io.docchat.core.api.SubmissionOutcome;
import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.EmbeddingProgress;
import io.docchat.core.model.Folder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Submits files and directories (recursively, sub-directories becoming sub-folders) to a folder path, then waits until
 * every document is parsed or failed. One bad file never stops the others.
 */
final class Ingestor {

    /** One file's outcome: the document when it was accepted, else the reason it was not. */
    record Outcome(Path file, String folderPath, Document document, String failure, boolean skipped) {
        boolean completed() {
            return document != null && document.status() == DocumentStatus.PARSING_COMPLETED;
        }

        boolean failed() {
            return !skipped && !completed();
        }

        String reason() {
            if (failure != null) {
                return failure;
            }
            if (document == null) {
                return "not submitted";
            }
            if (document.status() == DocumentStatus.PARSING_FAILED) {
                return document.errorMessage() == null ? "parsing failed" : document.errorMessage();
            }
            return document.status().isFinal() ? null : "still " + document.status().name().toLowerCase() + " after waiting";
        }
    }

    /** What ingesting produced. */
    record Report(List<Outcome> outcomes, long elapsedNanos) {
        long completed() {
            return outcomes.stream().filter(Outcome::completed).count();
        }

        long failed() {
            return outcomes.stream().filter(Outcome::failed).count();
        }

        long skipped() {
            return outcomes.stream().filter(Outcome::skipped).count();
        }

        long pages() {
            return outcomes.stream().filter(Outcome::completed).mapToLong(o -> o.document().pageCount()).sum();
        }
    }

    /** Progress as documents finish. */
    interface Listener {
        void progress(int done, int total, long pages);
    }

    /** Progress as the completed documents' passages get their vectors. */
    interface EmbeddingListener {
        void progress(long embedded, long passages);
    }

    /**
     * How far the completed documents' passages are embedded when ingest stops waiting.
     *
     * @param model false when no embedding model is configured (the passages are searchable by words only)
     */
    record Embedding(long passages, long embedded, long elapsedNanos, boolean model) {
        long remaining() {
            return passages - embedded;
        }
    }

    private static final Duration POLL = Duration.ofMillis(250);

    private final DocChat docChat;
    private final String accountId;
    private final Duration timeout;

    Ingestor(DocChat docChat, String accountId, Duration timeout) {
        this.docChat = docChat;
        this.accountId = accountId;
        this.timeout = timeout;
    }

    Report ingest(List<Path> paths, String folderPath, Listener listener) throws InterruptedException {
        long start = System.nanoTime();
        String base = FolderPaths.normalize(folderPath);
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, Folder> folders = new HashMap<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                Batch batch = new Batch(base, true);
                for (Path file : walk(path)) {
                    Path relativeDir = path.relativize(file).getParent();
                    String target = relativeDir == null ? base : join(base, relativeDir.toString().replace('\\', '/'));
                    if (!target.equals(batch.folderPath) || batch.full()) {
                        outcomes.addAll(submit(batch, folders));
                        batch = new Batch(target, true);
                    }
                    batch.add(file, outcomes);
                }
                outcomes.addAll(submit(batch, folders));
            } else {
                Batch single = new Batch(base, false);
                single.add(path, outcomes);
                outcomes.addAll(submit(single, folders));
            }
        }
        List<Outcome> finished = await(outcomes, listener);
        return new Report(finished, System.nanoTime() - start);
    }

    /**
     * Waits until the completed documents' passages have their vectors, or the timeout passes. They are searchable
     * by words already; what is left is embedded in the background by the next command that opens the knowledge
     * base, because the embedder runs inside this process and stops with it.
     */
    Embedding awaitEmbedding(Report report, Duration embeddingTimeout, EmbeddingListener listener)
            throws InterruptedException {
        long start = System.nanoTime();
        List<Long> documents = report.outcomes().stream().filter(Outcome::completed)
                .map(outcome -> outcome.document().id()).toList();
        long deadline = start + embeddingTimeout.toNanos();
        EmbeddingProgress progress = progressOf(documents);
        while (!progress.complete()) {
            listener.progress(progress.embedded(), progress.passages());
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            boolean idle = docChat.retrieval().awaitEmbedded(Duration.ofNanos(Math.min(left, POLL.toNanos())));
            progress = progressOf(documents);
            if (idle && !progress.complete()) {
                // An idle embedder that left passages without vectors is no embedder: there is no model.
                return new Embedding(progress.passages(), progress.embedded(), System.nanoTime() - start, false);
            }
        }
        listener.progress(progress.embedded(), progress.passages());
        return new Embedding(progress.passages(), progress.embedded(), System.nanoTime() - start, true);
    }

    private EmbeddingProgress progressOf(List<Long> documents) {
        long passages = 0;
        long embedded = 0;
        for (long id : documents) {
            EmbeddingProgress one = docChat.retrieval().embeddingProgress(accountId, id);
            passages += one.passages();
            embedded += Math.min(one.embedded(), one.passages());
        }
        return new EmbeddingProgress(passages, embedded);
    }

    private List<Path> walk(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !hidden(directory.relativize(file)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new DocChatException(ErrorCode.INVALID_PARAMETER, "cannot read directory " + directory + ": " + e.getMessage(), e);
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Files bound for one folder, submitted together so that they are made durable together: a directory's, or one
     * file named on the command line. Bounded so that a large directory is neither held in memory at once nor kept
     * from parsing until it has all been read.
     */
    private static final class Batch {
        private static final int MAX_FILES = 64;
        private static final long MAX_BYTES = 32L << 20;

        private final String folderPath;
        /** Files found by walking a directory, which skip what no parser reads rather than fail on it. */
        private final boolean foundInDirectory;
        private final List<Path> files = new ArrayList<>();
        private final List<FileSubmission> submissions = new ArrayList<>();
        private long bytes;

        Batch(String folderPath, boolean foundInDirectory) {
            this.folderPath = folderPath;
            this.foundInDirectory = foundInDirectory;
        }

        boolean full() {
            return files.size() >= MAX_FILES || bytes >= MAX_BYTES;
        }

        /** Reads the file into the batch, or records why it cannot be read. */
        void add(Path file, List<Outcome> outcomes) {
            try {
                byte[] content = Files.readAllBytes(file);
                files.add(file);
                submissions.add(new FileSubmission(file.getFileName().toString(), content));
                bytes += content.length;
            } catch (NoSuchFileException e) {
                outcomes.add(new Outcome(file, folderPath, null, "no such file", false));
            } catch (IOException e) {
                outcomes.add(new Outcome(file, folderPath, null, "cannot read: " + e.getMessage(), false));
            }
        }
    }

    private List<Outcome> submit(Batch batch, Map<String, Folder> folders) {
        if (batch.files.isEmpty()) {
            return List.of();
        }
        List<Outcome> outcomes = new ArrayList<>();
        try {
            Folder folder = folders.computeIfAbsent(batch.folderPath,
                    path -> docChat.folders().ensurePath(accountId, path));
            List<SubmissionOutcome> results = docChat.documents().submitAll(accountId, folder.id(), batch.submissions);
            for (int i = 0; i < results.size(); i++) {
                SubmissionOutcome result = results.get(i);
                outcomes.add(result.accepted()
                        ? new Outcome(batch.files.get(i), batch.folderPath, result.document(), null, false)
                        : refused(batch.files.get(i), batch.folderPath, result.failure(), batch.foundInDirectory));
            }
        } catch (DocChatException e) {
            batch.files.forEach(file -> outcomes.add(refused(file, batch.folderPath, e, batch.foundInDirectory)));
        }
        return outcomes;
    }

    private static Outcome refused(Path file, String folderPath, DocChatException e, boolean foundInDirectory) {
        // Files found by walking a directory may be anything (archives, media): skip what no parser reads.
        boolean skip = foundInDirectory && e.code() == ErrorCode.UNSUPPORTED_DOCUMENT_TYPE;
        return new Outcome(file, folderPath, null, e.getMessage(), skip);
    }

    private List<Outcome> await(List<Outcome> outcomes, Listener listener) throws InterruptedException {
        Map<Integer, Outcome> pending = new LinkedHashMap<>();
        List<Outcome> result = new ArrayList<>(outcomes);
        for (int i = 0; i < result.size(); i++) {
            Outcome outcome = result.get(i);
            if (outcome.document() != null && !outcome.document().status().isFinal()) {
                pending.put(i, outcome);
            }
        }
        int total = result.size();
        long deadline = System.nanoTime() + timeout.toNanos();
        listener.progress(total - pending.size(), total, pagesOf(result));
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            var first = pending.entrySet().iterator().next();
            Document head = docChat.documents()
                    .awaitProcessed(accountId, first.getValue().document().id(), Duration.ofMillis(250));
            refresh(result, pending, first.getKey(), head);
            for (Integer index : List.copyOf(pending.keySet())) {
                refresh(result, pending, index, docChat.documents().get(accountId, result.get(index).document().id()));
            }
            listener.progress(total - pending.size(), total, pagesOf(result));
        }
        return result;
    }

    private static void refresh(List<Outcome> result, Map<Integer, Outcome> pending, int index, Document latest) {
        Outcome old = result.get(index);
        Outcome updated = new Outcome(old.file(), old.folderPath(), latest, null, false);
        result.set(index, updated);
        if (latest.status().isFinal()) {
            pending.remove(index);
        }
    }

    private static long pagesOf(List<Outcome> outcomes) {
        return outcomes.stream().filter(Outcome::completed).mapToLong(o -> o.document().pageCount()).sum();
    }

    private static String join(String base, String relative) {
        return FolderPaths.normalize(base.isEmpty() ? relative : base + "/" + relative);
    }
}
