package io.docchat.http.sdk;

import com.aliyun.teaopenapi.Client;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teaopenapi.models.Params;
import com.aliyun.teautil.models.RuntimeOptions;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls the aidoc operations through the official Alibaba Cloud SDK runtime ({@code com.aliyun:tea-openapi}) exactly
 * as the generated {@code energyexpertexternal20220923} client does: the same {@link Params} (action, version
 * {@value #VERSION}, pathname, method, authType {@code AK}, style {@code ROA}, reqBodyType and bodyType {@code json}),
 * the request fields in the body or the query as the generated code puts them, and {@link Client#callApi} with the
 * runtime's default signature (ACS3-HMAC-SHA256) or its bearer-token credential.
 *
 * <p>Each method returns what {@code callApi} returns, {@code {body, headers, statusCode}}, with the body as the
 * runtime parsed it; a 4xx or 5xx surfaces as the runtime's {@code TeaException}.
 */
final class AidocRuntimeClient {
    static final String VERSION = "2022-09-23";

    private final Client runtime;

    private AidocRuntimeClient(Config config) throws Exception {
        this.runtime = new Client(config);
    }

    /** A client that signs every request with an AccessKeyId and its secret. */
    static AidocRuntimeClient withAccessKey(URI server, String accessKeyId, String accessKeySecret) throws Exception {
        Config config = endpoint(server);
        config.accessKeyId = accessKeyId;
        config.accessKeySecret = accessKeySecret;
        return new AidocRuntimeClient(config);
    }

    /** A client that sends a bearer token, as the runtime does when its credential is of type {@code bearer}. */
    static AidocRuntimeClient withBearerToken(URI server, String token) throws Exception {
        Config config = endpoint(server);
        config.bearerToken = token;
        return new AidocRuntimeClient(config);
    }

    private static Config endpoint(URI server) {
        Config config = new Config();
        // The generated client's Params say HTTPS; the configured protocol wins, as it does for any private endpoint.
        config.endpoint = server.getHost() + ":" + server.getPort();
        config.protocol = "http";
        config.readTimeout = 20_000;
        config.connectTimeout = 5_000;
        return config;
    }

    Map<String, ?> addFolder(String folderName, String parentFolderId) throws Exception {
        return post("AddFolder", "/api/v1/aidoc/folder/add",
                body("folderName", folderName, "parentFolderId", parentFolderId));
    }

    /** No body and no Content-Type: the generated client builds this request from headers alone. */
    Map<String, ?> getChatFolderList() throws Exception {
        return call("GetChatFolderList", "POST", "/api/v2/aidoc/document/chat/folder/list", new OpenApiRequest(),
                "json");
    }

    Map<String, ?> deleteFolder(String folderId) throws Exception {
        return call("DeleteFolder", "DELETE", "/api/v1/aidoc/folder/delete", query("folderId", folderId), "json");
    }

    /**
     * The file goes as the raw request body: the runtime sends an {@link OpenApiRequest#stream} as
     * {@code application/octet-stream} and signs its SHA-256.
     */
    Map<String, ?> submitDocParsingTask(String fileName, String folderId, byte[] content) throws Exception {
        OpenApiRequest request = query("fileName", fileName, "folderId", folderId);
        request.stream = new ByteArrayInputStream(content);
        return call("SubmitDocParsingTask", "POST", "/api/v2/aidoc/document/submitDocParsingTask", request, "json");
    }

    /** Exactly the generated client's request: query parameters only, no body. */
    Map<String, ?> submitDocParsingTaskFromUrl(String fileName, String folderId, String fileUrl) throws Exception {
        return call("SubmitDocParsingTask", "POST", "/api/v2/aidoc/document/submitDocParsingTask",
                query("fileName", fileName, "folderId", folderId, "fileUrl", fileUrl), "json");
    }

    Map<String, ?> detailDocument(String taskId) throws Exception {
        return call("DetailDocument", "GET", "/api/v1/aidoc/document/detail", query("taskId", taskId), "json");
    }

    Map<String, ?> deleteDocument(String taskId) throws Exception {
        return call("DeleteDocument", "DELETE", "/api/v1/aidoc/document/delete", query("taskId", taskId), "json");
    }

    Map<String, ?> getDocParsingResult(String taskId, String returnFormat) throws Exception {
        return post("GetDocParsingResult", "/api/v2/aidoc/document/getDocParsingResult",
                body("taskId", taskId, "returnFormat", returnFormat));
    }

    Map<String, ?> createChatSession(String folderId, String name) throws Exception {
        return post("CreateChatSession", "/api/v2/aidoc/document/chat/session/create",
                body("folderId", folderId, "name", name));
    }

    /** Paging as the caller gives it: SDKs from 4.0 on send numbers, older ones strings. */
    Map<String, ?> getChatSessionList(Object currentPage, Object pageSize, String name) throws Exception {
        return post("GetChatSessionList", "/api/v2/aidoc/document/chat/session/list",
                body("currentPage", currentPage, "pageSize", pageSize, "name", name));
    }

    Map<String, ?> getChatList(String sessionId, Object currentPage, Object pageSize) throws Exception {
        return post("GetChatList", "/api/v2/aidoc/document/chat/list",
                body("sessionId", sessionId, "currentPage", currentPage, "pageSize", pageSize));
    }

    Map<String, ?> chat(String sessionId, String question, List<Long> documentIds) throws Exception {
        return post("Chat", "/api/v2/aidoc/document/chat",
                body("sessionId", sessionId, "question", question, "documentIds", documentIds));
    }

    /**
     * ChatStream as the synchronous runtime can read it: one JSON document, asked for with
     * {@code X-Stream-Format: json}.
     */
    Map<String, ?> chatStreamAsJson(String sessionId, String question) throws Exception {
        OpenApiRequest request = new OpenApiRequest();
        request.headers = Map.of("X-Stream-Format", "json");
        request.body = body("sessionId", sessionId, "question", question);
        return call("ChatStream", "POST", "/api/v2/aidoc/document/chat/stream", request, "json");
    }

    /**
     * ChatStream signed and sent by the runtime, its body handed back unread (bodyType {@code binary}), so that
     * the event stream the server writes is read off the runtime's own HTTP connection. The caller closes it.
     */
    InputStream chatStreamEvents(String sessionId, String question) throws Exception {
        OpenApiRequest request = new OpenApiRequest();
        request.body = body("sessionId", sessionId, "question", question);
        Map<String, ?> response = call("ChatStream", "POST", "/api/v2/aidoc/document/chat/stream", request, "binary");
        return (InputStream) response.get("body");
    }

    Map<String, ?> retrieve(String query, List<String> folderIds, Integer topK) throws Exception {
        Map<String, Object> fields = body("query", query, "folderIds", folderIds, "topK", topK);
        fields.put("useReranker", Boolean.TRUE);
        fields.put("rerankerThreshold", 0.1f);
        return post("Retrieve", "/api/v2/aidoc/knowledgebase/retrieve", fields);
    }

    private Map<String, ?> post(String action, String pathname, Map<String, Object> body) throws Exception {
        OpenApiRequest request = new OpenApiRequest();
        request.body = body;
        return call(action, "POST", pathname, request, "json");
    }

    private Map<String, ?> call(String action, String method, String pathname, OpenApiRequest request,
                                String bodyType) throws Exception {
        Params params = new Params();
        params.action = action;
        params.version = VERSION;
        params.protocol = "HTTPS";
        params.pathname = pathname;
        params.method = method;
        params.authType = "AK";
        params.style = "ROA";
        params.reqBodyType = "json";
        params.bodyType = bodyType;
        return runtime.callApi(params, request, new RuntimeOptions());
    }

    /** Like the generated client: a field that is null is left out of the body. */
    private static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                body.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return body;
    }

    private static OpenApiRequest query(String... keysAndValues) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                query.put(keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        OpenApiRequest request = new OpenApiRequest();
        request.query = query;
        return request;
    }
}
