package io.docchat.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import io.docchat.core.DocChat;
import io.docchat.core.model.ResultPage;
import io.docchat.core.model.Session;

/** CreateChatSession, GetChatSessionList and the rename and delete extensions. */
final class SessionOperations {
    private final DocChat docChat;
    private final WireMapper wire;

    SessionOperations(DocChat docChat, WireMapper wire) {
        this.docChat = docChat;
        this.wire = wire;
    }

    Reply create(ApiRequest request) {
        JsonBody body = request.json();
        String folderId = body.requiredString("folderId");
        String name = body.requiredString("name");
        String userId = blankToNull(body.optionalString("userId"));
        Session session = docChat.sessions().create(request.accountId(), folderId, name, userId);
        return new Reply.Data(wire.object().put("sessionId", session.id()));
    }

    Reply list(ApiRequest request) {
        JsonBody body = request.json();
        String userId = blankToNull(body.optionalString("userId"));
        String name = blankToNull(body.optionalString("name"));
        ResultPage<Session> page = docChat.sessions().list(request.accountId(),
                userId == null ? request.accountId() : userId, name, Paging.of(body));
        ArrayNode items = wire.array();
        for (Session session : page.items()) {
            items.add(wire.session(session));
        }
        return new Reply.Data(wire.listing(page, "sessionList", items));
    }

    Reply rename(ApiRequest request) {
        JsonBody body = request.json();
        docChat.sessions().rename(request.accountId(), body.requiredString("sessionId"), body.requiredString("name"));
        return new Reply.Data(BooleanNode.TRUE);
    }

    Reply delete(ApiRequest request) {
        docChat.sessions().delete(request.accountId(), request.json().requiredString("sessionId"));
        return new Reply.Data(BooleanNode.TRUE);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
