package io.docchat.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docchat.core.DocChat;
import io.docchat.core.api.RetrievalRequest;
import io.docchat.core.api.RetrievedPassage;
import java.util.LinkedHashSet;
import java.util.List;

/** Retrieve: passage search without an answer. */
final class RetrievalOperations {
    static final int DEFAULT_TOP_K = 5;

    private final DocChat docChat;
    private final WireMapper wire;

    RetrievalOperations(DocChat docChat, WireMapper wire) {
        this.docChat = docChat;
        this.wire = wire;
    }

    Reply retrieve(ApiRequest request) {
        JsonBody body = request.json();
        String query = body.requiredString("query");
        int topK = body.integer("topK", DEFAULT_TOP_K);
        if (topK < 1 || topK > 100) {
            throw ApiException.invalid("topK", "must be between 1 and 100");
        }
        int preRetrieveTopK = body.integer("preRetrieveTopK", topK);
        if (preRetrieveTopK < 1) {
            throw ApiException.invalid("preRetrieveTopK", "must be positive");
        }
        // Accepted for compatibility and type-checked; there is no separate reranking stage to tune.
        body.optionalBoolean("useReranker");
        body.optionalNumber("rerankerThreshold");
        List<RetrievedPassage> hits = docChat.retrieval().search(request.accountId(), new RetrievalRequest(
                query, new LinkedHashSet<>(body.stringList("folderIds")), body.longSet("documentIds"), topK));
        ObjectNode data = wire.object();
        data.put("jobId", request.requestId());
        ArrayNode results = data.putArray("results");
        for (RetrievedPassage hit : hits) {
            results.add(wire.chunk(request.accountId(), hit));
        }
        return new Reply.Data(data);
    }
}
