package io.docchat.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docchat.core.api.RetrievedPassage;
import io.docchat.core.model.Box;
import io.docchat.core.model.ChatItem;
import io.docchat.core.model.Citation;
import io.docchat.core.model.CitedLine;
import io.docchat.core.model.CitedPage;
import io.docchat.core.model.Document;
import io.docchat.core.model.FolderNode;
import io.docchat.core.model.Page;
import io.docchat.core.model.PassageLine;
import io.docchat.core.model.ResultPage;
import io.docchat.core.model.Session;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Turns domain values into the JSON models of the API with their exact names and types: numbers as numbers, times as
 * epoch milliseconds except in DocumentDetailItem, page numbers 1-based in {@code pageNum} and 0-based in
 * {@code pageListInfo}, line boxes as polygons in pixels of the page image.
 */
final class WireMapper {
    private static final DateTimeFormatter ISO_WITH_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");

    private final ObjectMapper json;
    private final SignedUrls urls;
    private final float imageScale;
    private final DateTimeFormatter isoTimes;
    private final ParsedContentJson parsedContent;

    WireMapper(ObjectMapper json, SignedUrls urls, float imageScale, ZoneId zone) {
        this.json = json;
        this.urls = urls;
        this.imageScale = imageScale;
        this.isoTimes = ISO_WITH_OFFSET.withZone(zone);
        this.parsedContent = new ParsedContentJson(json);
    }

    /** The parsed pages of a document as the JSON text of GetDocumentParsingResult's {@code content}. */
    String parsedContent(List<Page> pages) {
        return parsedContent.write(pages);
    }

    ObjectNode object() {
        return json.createObjectNode();
    }

    ArrayNode array() {
        return json.createArrayNode();
    }

    /** A whole ChatItem, as Chat and GetChatList return it. */
    ObjectNode chatItem(ChatItem item) {
        ObjectNode node = startedEvent(item);
        node.put("answer", item.answer());
        node.put("status", item.status().name());
        if (item.errorMessage() != null) {
            node.put("errorMessage", item.errorMessage());
        }
        return node;
    }

    /** The first event of a stream: everything known once retrieval is done, with an empty answer. */
    ObjectNode startedEvent(ChatItem item) {
        ObjectNode node = json.createObjectNode();
        node.put("question", item.question());
        node.put("answer", "");
        node.put("createTime", item.createdAt().toEpochMilli());
        node.put("folderId", item.folderId());
        node.put("folderName", item.folderName());
        node.put("chatId", item.id());
        node.put("sessionId", item.sessionId());
        ArrayNode refs = node.putArray("refDocList");
        for (Citation citation : item.citations()) {
            refs.add(refDoc(item.accountId(), citation));
        }
        return node;
    }

    ObjectNode deltaEvent(String chatId, String sessionId, String delta) {
        ObjectNode node = json.createObjectNode();
        node.put("answer", delta);
        node.put("chatId", chatId);
        node.put("sessionId", sessionId);
        return node;
    }

    /** The last event of a stream: an empty answer and how it ended. */
    ObjectNode finalEvent(ChatItem item) {
        ObjectNode node = json.createObjectNode();
        node.put("answer", "");
        node.put("chatId", item.id());
        node.put("sessionId", item.sessionId());
        node.put("status", item.status().name());
        if (item.errorMessage() != null) {
            node.put("errorMessage", item.errorMessage());
        }
        return node;
    }

    ObjectNode refDoc(String accountId, Citation citation) {
        ObjectNode node = json.createObjectNode();
        String fileUrl = urls.documentFile(accountId, citation.documentId(), citation.documentName());
        node.put("docName", citation.documentName());
        node.put("docUrl", fileUrl);
        node.put("originDocName", citation.documentName());
        node.put("originDocUrl", fileUrl);
        node.put("sourceType", "doc");
        ObjectNode docInfo = node.putObject("docInfo");
        docInfo.put("pages", (long) citation.pageCount());
        ArrayNode pageList = docInfo.putArray("pageListInfo");
        ArrayNode pageNums = node.putArray("pageNum");
        for (CitedPage page : citation.pages()) {
            boolean drawable = page.width() > 0 && page.height() > 0;
            ObjectNode info = pageList.addObject();
            info.put("pageIdCurDoc", page.pageNumber() - 1);
            if (drawable) {
                info.put("imageUrl", urls.pageImage(accountId, citation.documentId(), page.pageNumber()));
            } else {
                info.putNull("imageUrl");
            }
            info.put("imageWidth", Math.round(page.width() * imageScale));
            info.put("imageHeight", Math.round(page.height() * imageScale));
            info.put("angle", (double) page.rotation());
            info.putNull("pdfParseResult");
            info.putNull("wordParseResult");
            info.putNull("excelParseResult");

            ObjectNode pageNum = pageNums.addObject();
            pageNum.put("num", page.pageNumber());
            ArrayNode polygons = pageNum.putArray("pos");
            for (CitedLine line : page.lines()) {
                if (line.box() != null) {
                    polygons.add(polygon(line.box()));
                }
            }
        }
        node.put("docId", citation.documentId());
        node.put("snippet", citation.snippet());
        return node;
    }

    /** Four corners clockwise from the top-left, in image pixels. */
    ArrayNode polygon(Box box) {
        ArrayNode corners = json.createArrayNode();
        int left = Math.round(box.x() * imageScale);
        int top = Math.round(box.y() * imageScale);
        int right = Math.round(box.right() * imageScale);
        int bottom = Math.round(box.bottom() * imageScale);
        corners.addObject().put("x", left).put("y", top);
        corners.addObject().put("x", right).put("y", top);
        corners.addObject().put("x", right).put("y", bottom);
        corners.addObject().put("x", left).put("y", bottom);
        return corners;
    }

    ObjectNode session(Session session) {
        ObjectNode node = json.createObjectNode();
        node.put("sessionId", session.id());
        node.put("name", session.name());
        node.put("folderId", session.folderId());
        node.put("userId", session.userId());
        node.put("createTime", session.createdAt().toEpochMilli());
        node.put("updateTime", session.updatedAt().toEpochMilli());
        return node;
    }

    ObjectNode chatFolder(FolderNode folder) {
        ObjectNode node = json.createObjectNode();
        node.put("folderId", folder.folder().id());
        node.put("folderName", folder.folder().name());
        ArrayNode children = node.putArray("subFolders");
        for (FolderNode child : folder.children()) {
            children.add(chatFolder(child));
        }
        return node;
    }

    ObjectNode folderItem(FolderNode folder) {
        ObjectNode node = json.createObjectNode();
        node.put("folderId", folder.folder().id());
        node.put("folderName", folder.folder().name());
        node.put("parentFolderId", folder.folder().parentId() == null ? "0" : folder.folder().parentId());
        node.put("currentLevel", folder.level());
        node.put("docCount", folder.documentCount());
        node.put("folderNum", folder.children().size());
        ArrayNode children = node.putArray("subFolderList");
        for (FolderNode child : folder.children()) {
            children.add(folderItem(child));
        }
        return node;
    }

    ObjectNode documentDetail(Document document, String folderName) {
        ObjectNode node = json.createObjectNode();
        String fileUrl = urls.documentFile(document.accountId(), document.id(), document.fileName());
        node.put("id", document.id());
        node.put("jobId", Long.toString(document.id()));
        node.put("jobStatus", document.status().name());
        node.put("docName", document.fileName());
        node.put("docUrl", fileUrl);
        node.put("originDocName", document.fileName());
        node.put("originDocUrl", fileUrl);
        node.put("folderId", document.folderId());
        node.put("folderName", folderName);
        node.put("docHash", document.contentHash());
        node.put("createTime", iso(document.createdAt()));
        node.put("updateTime", iso(document.updatedAt()));
        node.put("pages", document.pageCount());
        if (document.errorMessage() != null) {
            node.put("errorMessage", document.errorMessage());
        }
        return node;
    }

    ObjectNode chunk(String accountId, RetrievedPassage hit) {
        ObjectNode node = json.createObjectNode();
        node.put("chunkId", Long.toString(hit.passage().id()));
        node.put("chunkContent", hit.passage().text());
        node.put("docId", Long.toString(hit.document().id()));
        node.put("docName", hit.document().fileName());
        node.put("docUrl", urls.documentFile(accountId, hit.document().id(), hit.document().fileName()));
        ArrayNode elements = node.putArray("docElsIds");
        for (PassageLine line : hit.passage().lines()) {
            elements.add("p" + line.pageNumber() + "-l" + line.lineNumber());
        }
        // The word (BM25) score, the meaning (cosine) score and the fused score the ranking is ordered by.
        node.put("score", hit.lexicalScore());
        node.put("rerankScore", hit.semanticScore());
        node.put("weightedScore", hit.score());
        return node;
    }

    /** A page of a listing with {@code total}, {@code totalPage}, {@code currentPage} and {@code pageSize}. */
    ObjectNode listing(ResultPage<?> page, String listName, ArrayNode items) {
        ObjectNode node = json.createObjectNode();
        node.put("total", page.total());
        node.put("totalPage", page.totalPages());
        node.put("currentPage", (long) page.page());
        node.put("pageSize", (long) page.pageSize());
        node.set(listName, items);
        return node;
    }

    String iso(Instant instant) {
        return isoTimes.format(instant);
    }
}
