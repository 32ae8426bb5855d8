package io.docchat.cli.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docchat.core.api.StageTimings;
import io.docchat.core.model.Box;
import io.docchat.core.model.ChatItem;
import io.docchat.core.model.Citation;
import io.docchat.core.model.CitedLine;
import io.docchat.core.model.CitedPage;
import io.docchat.core.model.Document;
import io.docchat.core.model.FolderNode;
import io.docchat.core.model.Session;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** The JSON shapes of {@code --json} output: stable field names, times as ISO-8601 strings. */
final class Json {
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    ObjectNode object() {
        return mapper.createObjectNode();
    }

    ArrayNode array() {
        return mapper.createArrayNode();
    }

    ObjectMapper mapper() {
        return mapper;
    }

    void print(PrintWriter out, Object node) {
        try {
            out.println(mapper.writeValueAsString(node));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    ObjectNode chatItem(ChatItem item) {
        ObjectNode node = object();
        node.put("id", item.id());
        node.put("sessionId", item.sessionId());
        node.put("question", item.question());
        node.put("answer", item.answer());
        node.put("status", item.status().name());
        if (item.errorMessage() != null) {
            node.put("error", item.errorMessage());
        }
        node.put("folderId", item.folderId());
        node.put("folderName", item.folderName());
        node.put("createdAt", String.valueOf(item.createdAt()));
        ArrayNode citations = node.putArray("citations");
        for (Citation citation : item.citations()) {
            citations.add(citation(citation));
        }
        return node;
    }

    ObjectNode citation(Citation citation) {
        ObjectNode node = object();
        node.put("documentId", citation.documentId());
        node.put("documentName", citation.documentName());
        node.put("pageCount", citation.pageCount());
        node.put("snippet", citation.snippet());
        ArrayNode pages = node.putArray("pages");
        for (CitedPage page : citation.pages()) {
            ObjectNode pageNode = pages.addObject();
            pageNode.put("page", page.pageNumber());
            pageNode.put("width", page.width());
            pageNode.put("height", page.height());
            pageNode.put("rotation", page.rotation());
            ArrayNode lines = pageNode.putArray("lines");
            for (CitedLine line : page.lines()) {
                ObjectNode lineNode = lines.addObject();
                lineNode.put("line", line.lineNumber());
                lineNode.put("text", line.text());
                Box box = line.box();
                if (box != null) {
                    ObjectNode boxNode = lineNode.putObject("box");
                    boxNode.put("x", box.x());
                    boxNode.put("y", box.y());
                    boxNode.put("width", box.width());
                    boxNode.put("height", box.height());
                }
            }
        }
        return node;
    }

    ObjectNode timings(StageTimings timings) {
        ObjectNode node = object();
        node.put("planMillis", timings.planNanos() / 1e6);
        node.put("retrieveMillis", timings.retrieveNanos() / 1e6);
        node.put("answerMillis", timings.answerNanos() / 1e6);
        return node;
    }

    ObjectNode document(Document document, String folderPath) {
        ObjectNode node = object();
        node.put("id", document.id());
        node.put("fileName", document.fileName());
        node.put("folderId", document.folderId());
        node.put("folder", folderPath);
        node.put("status", document.status().name());
        node.put("pages", document.pageCount());
        node.put("sizeBytes", document.sizeBytes());
        if (document.errorMessage() != null) {
            node.put("error", document.errorMessage());
        }
        ArrayNode warnings = node.putArray("warnings");
        document.warnings().forEach(warnings::add);
        node.put("createdAt", String.valueOf(document.createdAt()));
        node.put("updatedAt", String.valueOf(document.updatedAt()));
        return node;
    }

    ObjectNode session(Session session, String folderPath) {
        ObjectNode node = object();
        node.put("id", session.id());
        node.put("name", session.name());
        node.put("userId", session.userId());
        node.put("folderId", session.folderId());
        node.put("folder", folderPath);
        node.put("createdAt", String.valueOf(session.createdAt()));
        node.put("updatedAt", String.valueOf(session.updatedAt()));
        return node;
    }

    ArrayNode folders(List<FolderNode> nodes, String prefix) {
        ArrayNode array = array();
        for (FolderNode node : nodes) {
            String path = prefix.isEmpty() ? node.folder().name() : prefix + "/" + node.folder().name();
            ObjectNode folder = array.addObject();
            folder.put("id", node.folder().id());
            folder.put("name", node.folder().name());
            folder.put("path", path);
            folder.put("documents", node.documentCount());
            folder.set("children", folders(node.children(), path));
        }
        return array;
    }
}
