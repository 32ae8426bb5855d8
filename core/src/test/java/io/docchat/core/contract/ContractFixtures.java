package io.docchat.core.contract;

import io.docchat.core.model.AccessKey;
import io.docchat.core.model.Account;
import io.docchat.core.model.BearerToken;
import io.docchat.core.model.BlockType;
import io.docchat.core.model.Box;
import io.docchat.core.model.ChatItem;
import io.docchat.core.model.ChatStatus;
import io.docchat.core.model.Citation;
import io.docchat.core.model.CitedLine;
import io.docchat.core.model.CitedPage;
import io.docchat.core.model.Folder;
import io.docchat.core.model.Page;
import io.docchat.core.model.PassageLine;
import io.docchat.core.model.PassagePage;
import io.docchat.core.model.Session;
import io.docchat.core.model.TextBlock;
import io.docchat.core.model.TextLine;
import io.docchat.core.port.IndexedPassage;
import io.docchat.core.port.NewDocument;
import io.docchat.core.port.NewPassage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Builders of test data for the port contracts, public so that adapters' own tests can use them too. Each instance
 * hands out unique ids and strictly increasing times, so tests that need an order get it without sleeping.
 */
public final class ContractFixtures {

    /** A fixed, arbitrary origin so that every run produces the same data. */
    public static final Instant EPOCH = Instant.parse("2024-03-01T08:00:00Z");

    private long nextId = 1;
    private long nextSecond = 0;

    /** A fresh 32-hex-character id, as folders and sessions use. */
    public String hexId() {
        return String.format("%032x", nextId++);
    }

    /** A time later than every time this instance handed out before, with a millisecond part to check precision. */
    public Instant nextTime() {
        return EPOCH.plusSeconds(nextSecond++).plusMillis(123);
    }

    /** The SHA-256 of {@code seed}'s UTF-8 bytes, lowercase hex, as documents' content hashes are. */
    public static String hash(String seed) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    // ---- knowledge

    public Folder folder(String accountId, String name) {
        return new Folder(hexId(), accountId, null, name, nextTime());
    }

    public Folder subfolder(Folder parent, String name) {
        return new Folder(hexId(), parent.accountId(), parent.id(), name, nextTime());
    }

    public NewDocument newDocument(Folder folder, String fileName) {
        return newDocument(folder, fileName, hash(folder.id() + "/" + fileName));
    }

    public NewDocument newDocument(Folder folder, String fileName, String contentHash) {
        return new NewDocument(folder.accountId(), folder.id(), fileName, contentHash, 1000 + fileName.length(),
                "files/" + folder.id() + "/" + contentHash, nextTime());
    }

    /**
     * A page with a heading and a paragraph of {@code lineCount} lines, every line with a box whose coordinates have
     * fractional parts (to check that floats survive exactly).
     */
    public static Page page(int number, String text, int lineCount) {
        List<TextLine> lines = new ArrayList<>();
        for (int i = 0; i < lineCount; i++) {
            lines.add(new TextLine(text + " line " + (i + 1), box(i)));
        }
        TextBlock heading = new TextBlock(BlockType.HEADING, 1,
                List.of(new TextLine("Heading of page " + number, new Box(72.25f, 40.125f, 300.5f, 18.75f))));
        TextBlock paragraph = new TextBlock(BlockType.PARAGRAPH, 0, lines);
        return new Page(number, 595.275f, 841.89f, 0, List.of(heading, paragraph));
    }

    /** A page of a format without geometry: size 0 and lines without boxes. */
    public static Page pageWithoutGeometry(int number, String text) {
        return new Page(number, 0f, 0f, 0, List.of(
                new TextBlock(BlockType.PARAGRAPH, 0, List.of(new TextLine(text, null))),
                new TextBlock(BlockType.TABLE_ROW, 0, List.of(new TextLine("a\tb\tc", null)))));
    }

    /** A rotated page with every block type. */
    public static Page richPage(int number) {
        List<TextBlock> blocks = new ArrayList<>();
        int i = 0;
        for (BlockType type : BlockType.values()) {
            int level = type == BlockType.HEADING ? 2 : 0;
            blocks.add(new TextBlock(type, level,
                    List.of(new TextLine(type + " text 中文 ＦＵＬＬ", box(i++)), new TextLine("second", box(i++)))));
        }
        return new Page(number, 841.89f, 595.275f, 90, blocks);
    }

    /** A box with awkward float values, distinct for each {@code i}. */
    public static Box box(int i) {
        return new Box(72.1f + i * 0.01f, 100.3f + i * 14.7f, 451.123f - i * 0.3f, 12.0001f + i * 0.001f);
    }

    /** A passage of one line on {@code page}, covering the whole text. */
    public static NewPassage passage(int ordinal, String text, int page, int line) {
        return new NewPassage(ordinal, text, List.of("Chapter " + page, "Section " + ordinal),
                List.of(new PassageLine(page, line, box(line), 0, text.length(), "Line " + line + ": " + text)),
                List.of(new PassagePage(page, 595.2f, 842, 0)));
    }

    /** A passage spanning a page break: its first half on {@code page}, its second half on the next page. */
    public static NewPassage passageAcrossPages(int ordinal, String text, int page) {
        int half = text.length() / 2;
        return new NewPassage(ordinal, text, List.of(),
                List.of(new PassageLine(page, 7, box(7), 0, half), new PassageLine(page + 1, 1, null, half,
                        text.length(), text.substring(half) + " 续")),
                List.of(new PassagePage(page, 595.2f, 842, 0), new PassagePage(page + 1, 842, 595.2f, 270)));
    }

    // ---- chat

    public Session session(String accountId, String userId, String folderId, String name) {
        Instant t = nextTime();
        return new Session(hexId(), accountId, userId, folderId, name, t, t);
    }

    public ChatItem chatItem(Session session, String question, Instant createdAt) {
        return chatItem(session, question, "Answer to " + question, ChatStatus.COMPLETED, List.of(), createdAt);
    }

    public ChatItem chatItem(Session session, String question, String answer, ChatStatus status,
            List<Citation> citations, Instant createdAt) {
        return new ChatItem(hexId(), session.id(), session.accountId(), question, answer, status,
                status == ChatStatus.FAILED ? "model unavailable" : null, session.folderId(), "Folder name",
                citations, createdAt);
    }

    /** A citation of two pages, one with boxes and one without, and a snippet in two scripts. */
    public static Citation citation(long documentId) {
        CitedPage first = new CitedPage(3, 595.275f, 841.89f, 0, List.of(
                new CitedLine(12, box(12), "The pump delivers 30 m³/h."),
                new CitedLine(13, box(13), "It weighs 12.5 kg.")));
        CitedPage second = new CitedPage(4, 0f, 0f, 270, List.of(new CitedLine(1, null, "本产品的最大流量为每小时三十立方米")));
        return new Citation(documentId, "manual-" + documentId + ".pdf", 17, List.of(first, second),
                "The pump delivers 30 m³/h. It weighs 12.5 kg.");
    }

    // ---- accounts

    public Account account(String name) {
        return new Account("acct-" + hexId(), name, nextTime());
    }

    public AccessKey accessKey(String accountId) {
        return new AccessKey("AK" + hexId().substring(16).toUpperCase(), accountId, "secret-" + hexId(), nextTime());
    }

    public BearerToken bearerToken(String accountId, String label) {
        return new BearerToken(hash("token-" + hexId()), accountId, label, nextTime());
    }

    // ---- index

    /** A passage as the index sees it, in the folder whose path (top-level first) is given. */
    public static IndexedPassage indexed(long id, String accountId, long documentId, List<String> folderPath,
            String title, String text) {
        return new IndexedPassage(id, accountId, documentId, folderPath, title, text);
    }
}
