package io.docchat.core.engine.chat;

import io.docchat.core.api.RetrievedPassage;
import io.docchat.core.engine.index.IndexSync;
import io.docchat.core.model.RetrievalMode;
import io.docchat.core.port.DocumentPassage;
import io.docchat.core.port.KnowledgeStore;
import io.docchat.core.port.PassageIndex;
import io.docchat.core.port.SearchRequest;
import io.docchat.core.ranking.FusedHit;
import io.docchat.core.ranking.HybridRetriever;
import io.docchat.core.ranking.RankFusion;
import io.docchat.core.ranking.Ranking;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Searches the index and resolves hits against the store, the source of truth: a hit whose passage or document is
 * gone (deleted after the index last caught up) is dropped. Documents reported complete are always in the index
 * already, so a search waits only briefly, and only for its own account (see {@link IndexSync#awaitOwnChanges}).
 */
public final class PassageRetriever {
    private final KnowledgeStore store;
    private final HybridRetriever ranker;
    private final IndexSync indexSync;

    /** Ranks by words only. */
    public PassageRetriever(KnowledgeStore store, PassageIndex index, IndexSync indexSync) {
        this(store, new HybridRetriever(index, null, RetrievalMode.LEXICAL, RankFusion.defaults()), indexSync);
    }

    /** Ranks as {@code ranker} says: by words, by meaning or by both. */
    public PassageRetriever(KnowledgeStore store, HybridRetriever ranker, IndexSync indexSync) {
        this.store = store;
        this.ranker = ranker;
        this.indexSync = indexSync;
    }

    /** The hits of the search, best first, with their passages and documents. */
    List<RetrievedPassage> retrieve(SearchRequest request) {
        indexSync.awaitOwnChanges(request.accountId());
        Ranking ranking = ranker.search(request);
        List<FusedHit> hits = ranking.hits();
        if (hits.isEmpty()) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>(hits.size());
        for (FusedHit hit : hits) {
            ids.add(hit.passageId());
        }
        // One read resolves every hit with its document; the account check in it guards against an index that
        // leaks across accounts.
        Map<Long, DocumentPassage> found = new HashMap<>(hits.size() * 2);
        for (DocumentPassage resolved : store.passagesWithDocuments(request.accountId(), ids)) {
            found.put(resolved.passage().id(), resolved);
        }
        List<RetrievedPassage> out = new ArrayList<>(hits.size());
        for (FusedHit hit : hits) {
            DocumentPassage resolved = found.get(hit.passageId());
            if (resolved != null) {
                out.add(new RetrievedPassage(resolved.passage(), resolved.document(), hit.score(),
                        hit.lexicalScore(), hit.semanticScore(), ranking.background()));
            }
        }
        return out;
    }
}
