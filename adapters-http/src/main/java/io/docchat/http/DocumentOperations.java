package io.docchat.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import io.docchat.core.DocChat;
import io.docchat.core.DocChatException;
import io.docchat.core.model.Document;
import io.docchat.core.model.ResultPage;
import java.util.Locale;

/**
 * SubmitDocParsingTask, GetDocParsingResult, DetailDocument, ListDocuments, DeleteDocument, and the files and page images behind
 * signed URLs. A document's taskId is the decimal string of its id. A document submitted without a folderId goes to
 * the top-level folder {@value #DEFAULT_FOLDER}, created when first needed.
 */
final class DocumentOperations {
    static final String DEFAULT_FOLDER = "default";

    private final DocChat docChat;
    private final WireMapper wire;
    private final FileFetcher fetcher;
    private final StagedUploads staged;

    DocumentOperations(DocChat docChat, WireMapper wire, FileFetcher fetcher, StagedUploads staged) {
        this.docChat = docChat;
        this.wire = wire;
        this.fetcher = fetcher;
        this.staged = staged;
    }

    /** [ext] Keeps the body's file for a later SubmitDocParsingTask and answers the fileUrl that names it. */
    Reply stage(ApiRequest request) {
        return new Reply.Data(wire.object().put("fileUrl", staged.stage(request.accountId(), request.body())));
    }

    Reply submit(ApiRequest request) {
        String fileName = request.query().required("fileName");
        String folderId = request.query().optional("folderId");
        String fileUrl = request.query().optional("fileUrl");
        byte[] content;
        String type = request.header("Content-Type");
        if (request.body().length > 0 && !isJson(type)) {
            content = request.body();
        } else if (fileUrl != null) {
            content = staged.names(fileUrl) ? staged.take(request.accountId(), fileUrl) : fetcher.fetch(fileUrl);
        } else if (type != null && !isJson(type)) {
            // A body was meant to carry the file (it says what type it is) but carried nothing.
            throw new ApiException(400, "InvalidParameter.File",
                    "the file is empty: the request body must carry its bytes");
        } else {
            throw ApiException.missing("fileUrl");
        }
        if (folderId == null) {
            folderId = docChat.folders().ensurePath(request.accountId(), DEFAULT_FOLDER).id();
        }
        Document document = docChat.documents().submit(request.accountId(), folderId, fileName, content);
        return new Reply.Data(wire.object().put("taskId", Long.toString(document.id())));
    }

    Reply parsingResult(ApiRequest request) {
        long id = taskId(request.json().requiredString("taskId"));
        String format = request.json().optionalString("returnFormat");
        Document document = docChat.documents().get(request.accountId(), id);
        // An unfinished or failed document has no content yet: an empty 200 would read as an empty document.
        switch (document.status()) {
            case PENDING, PARSING -> throw new ApiException(409, "DocumentNotParsed", "document " + id + " is "
                    + document.status() + "; ask again when DetailDocument reports PARSING_COMPLETED");
            case PARSING_FAILED -> throw new ApiException(409, "DocumentParsingFailed", "document " + id
                    + " could not be parsed: " + document.errorMessage());
            case PARSING_COMPLETED -> {
                // Its content follows.
            }
        }
        String content;
        if (format == null || format.isBlank() || format.equalsIgnoreCase("md")) {
            content = docChat.documents().markdown(request.accountId(), id);
        } else if (format.equalsIgnoreCase("json")) {
            content = wire.parsedContent(docChat.documents().pages(request.accountId(), id));
        } else {
            throw ApiException.invalid("returnFormat", "must be md or json");
        }
        return new Reply.Data(wire.object().put("content", content));
    }

    Reply detail(ApiRequest request) {
        long id = taskId(request.query().required("taskId"));
        Document document = docChat.documents().get(request.accountId(), id);
        String folderName = null;
        if (document.folderId() != null) {
            try {
                folderName = docChat.folders().get(request.accountId(), document.folderId()).name();
            } catch (DocChatException e) {
                // The folder went away between the two reads; the document is still worth describing.
                folderName = null;
            }
        }
        return new Reply.Data(wire.documentDetail(document, folderName));
    }

    /**
     * ListDocuments [ext]: the documents directly in a folder, oldest first, paged like the other listings, each as a
     * DocumentDetailItem. A folder of another account is not found.
     */
    Reply list(ApiRequest request) {
        JsonBody body = request.json();
        String folderId = body.requiredString("folderId");
        String folderName = docChat.folders().get(request.accountId(), folderId).name();
        ResultPage<Document> page = docChat.documents().list(request.accountId(), folderId, Paging.of(body));
        ArrayNode items = wire.array();
        for (Document document : page.items()) {
            items.add(wire.documentDetail(document, folderName));
        }
        return new Reply.Data(wire.listing(page, "documentList", items));
    }

    Reply delete(ApiRequest request) {
        docChat.documents().delete(request.accountId(), taskId(request.query().required("taskId")));
        return new Reply.Data(BooleanNode.TRUE);
    }

    Reply file(SignedUrls.Target.File target) {
        Document document = docChat.documents().get(target.accountId(), target.documentId());
        byte[] bytes = docChat.documents().originalFile(target.accountId(), target.documentId());
        return new Reply.Bytes(contentType(document.fileName()), bytes);
    }

    Reply pageImage(SignedUrls.Target.PageImage target) {
        return new Reply.Bytes("image/png",
                docChat.documents().pageImage(target.accountId(), target.documentId(), target.pageNumber()));
    }

    static long taskId(String text) {
        try {
            long id = Long.parseLong(text.trim());
            if (id < 0) {
                throw ApiException.invalid("taskId", "must be a taskId given by SubmitDocParsingTask");
            }
            return id;
        } catch (NumberFormatException e) {
            throw ApiException.invalid("taskId", "must be a taskId given by SubmitDocParsingTask");
        }
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    private static String contentType(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".pdf")) {
            return "application/pdf";
        } else if (lower.endsWith(".docx")) {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        } else if (lower.endsWith(".doc")) {
            return "application/msword";
        } else if (lower.endsWith(".xlsx")) {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        } else if (lower.endsWith(".xls")) {
            return "application/vnd.ms-excel";
        } else if (lower.endsWith(".md")) {
            return "text/markdown; charset=utf-8";
        } else if (lower.endsWith(".html") || lower.endsWith(".htm")) {
            // Served as text so that a stored page cannot run script under this server's origin.
            return "text/plain; charset=utf-8";
        } else if (lower.endsWith(".txt")) {
            return "text/plain; charset=utf-8";
        } else if (lower.endsWith(".png")) {
            return "image/png";
        } else if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return "image/jpeg";
        } else if (lower.endsWith(".tif") || lower.endsWith(".tiff")) {
            return "image/tiff";
        }
        return "application/octet-stream";
    }
}
