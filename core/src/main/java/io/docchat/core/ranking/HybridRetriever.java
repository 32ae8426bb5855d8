package io.docchat.core.ranking;

import io.docchat.core.DocChatException;
import io.docchat.core.port.Embedding;
import io.docchat.core.port.KnowledgeStore;
import io.docchat.core.port.StoredVector;
import io.docchat.core.model.RetrievalMode;
import io.docchat.core.port.ScoredPassage;
import io.docchat.core.port.SearchRequest;
import io.docchat.core.port.PassageEmbedder;
import io.docchat.core.port.PassageIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ranks passages for a search by words, by meaning, or by both fused, as the {@link RetrievalMode} says.
 *
 * <p>Without an embedder every mode ranks by words. When the query cannot be embedded (a remote embedding model is
 * down), the search falls back to words and says so in the log rather than failing: a ranking by words is far
 * better than none.
 *
 * <p>Every passage of a hybrid or semantic ranking carries its exact cosine to the query, also those that only word
 * search found (read from the store's vectors): the refusal by meaning judges the passages the answer is drawn
 * from, and a passage found by words alone would otherwise leave that judgement to the words.
 */
public final class HybridRetriever {
    private static final Logger log = LoggerFactory.getLogger(HybridRetriever.class);
    /**
     * Candidates each ranking contributes to a fusion, at least: a passage missing from one list gets nothing from
     * it, so deeper lists fuse better. 100 ranked better than 50 on all four evaluation sets (SQuAD, CMRC, DRCD,
     * SciFact) and 200 no better than 100 on three of them; at 100,000 passages it adds about a fifth to a hybrid
     * search, most of whose time is embedding the query.
     */
    static final int MIN_CANDIDATES = 100;
    private static final long WARN_EVERY = 100;
    /**
     * The rank of the nearest passage whose similarity is the {@linkplain Ranking#background() background}: deep
     * enough that a few passages about the query do not lift it, shallow enough to be measured in a small knowledge
     * base (one of fewer passages with vectors has none, and the refusal then judges the best cosine alone).
     */
    public static final int BACKGROUND_RANK = 20;

    private final PassageIndex index;
    private final KnowledgeStore vectors;
    private final PassageEmbedder embedder;
    private final RetrievalMode mode;
    private final RankFusion fusion;
    private final AtomicLong fallbacks = new AtomicLong();

    /**
     * A retriever whose hits found by words alone carry no similarity.
     *
     * @param embedder the query embedder, or null when there is none (then every search ranks by words)
     */
    public HybridRetriever(PassageIndex index, PassageEmbedder embedder, RetrievalMode mode, RankFusion fusion) {
        this(index, null, embedder, mode, fusion);
    }

    /**
     * @param vectors  where the passages' vectors are read to give every hit its similarity, or null for none
     * @param embedder the query embedder, or null when there is none (then every search ranks by words)
     */
    public HybridRetriever(PassageIndex index, KnowledgeStore vectors, PassageEmbedder embedder, RetrievalMode mode,
            RankFusion fusion) {
        this.index = index;
        this.vectors = vectors;
        this.embedder = embedder;
        this.mode = embedder == null ? RetrievalMode.LEXICAL : mode;
        this.fusion = fusion;
    }

    /** The mode in force: {@link RetrievalMode#LEXICAL} whenever there is no embedder. */
    public RetrievalMode mode() {
        return mode;
    }

    /** The best {@code request.limit()} passages, best first, with their word, meaning and fused scores. */
    public List<FusedHit> rank(SearchRequest request) {
        return search(request).hits();
    }

    /** The same, with the knowledge base's background similarity to the query. */
    public Ranking search(SearchRequest request) {
        if (mode == RetrievalMode.LEXICAL) {
            return new Ranking(lexicalOnly(index.search(request)), Double.NaN);
        }
        List<Embedding> query = embedQuery(request.text());
        if (query == null) {
            return new Ranking(lexicalOnly(index.search(request)), Double.NaN);
        }
        SearchRequest candidates = new SearchRequest(request.accountId(), request.text(), request.folderIds(),
                request.documentIds(), Math.max(request.limit(), MIN_CANDIDATES));
        List<ScoredPassage> nearest = index.nearest(candidates, query);
        double background = nearest.size() >= BACKGROUND_RANK ? nearest.get(BACKGROUND_RANK - 1).score() : Double.NaN;
        if (mode == RetrievalMode.SEMANTIC) {
            List<FusedHit> out = new ArrayList<>(Math.min(nearest.size(), request.limit()));
            for (ScoredPassage hit : nearest.subList(0, Math.min(nearest.size(), request.limit()))) {
                out.add(new FusedHit(hit.passageId(), hit.score(), 0, hit.score()));
            }
            return new Ranking(out, background);
        }
        return new Ranking(withSimilarities(fusion.fuse(index.search(candidates), nearest, request.limit()), query),
                background);
    }

    /** The hits, each found by words alone given its cosine to the query from its stored vector when it has one. */
    private List<FusedHit> withSimilarities(List<FusedHit> hits, List<Embedding> query) {
        if (vectors == null) {
            return hits;
        }
        List<Long> missing = new ArrayList<>();
        for (FusedHit hit : hits) {
            if (hit.semanticScore() == 0) {
                missing.add(hit.passageId());
            }
        }
        if (missing.isEmpty()) {
            return hits;
        }
        Map<Long, StoredVector> stored = vectors.vectors(missing);
        List<FusedHit> out = new ArrayList<>(hits.size());
        for (FusedHit hit : hits) {
            StoredVector vector = hit.semanticScore() == 0 ? stored.get(hit.passageId()) : null;
            float similarity = vector == null ? 0 : similarity(vector.embedding(), query);
            out.add(similarity == 0 ? hit
                    : new FusedHit(hit.passageId(), hit.score(), hit.lexicalScore(), similarity));
        }
        return out;
    }

    /** The highest cosine of the vector to a query vector of its own space, 0 when none is (as vector search does). */
    private static float similarity(Embedding passage, List<Embedding> query) {
        float best = 0;
        boolean found = false;
        for (Embedding q : query) {
            if (q.space().equals(passage.space()) && q.vector().length == passage.vector().length) {
                float cosine = q.dot(passage.vector());
                best = found ? Math.max(best, cosine) : cosine;
                found = true;
            }
        }
        return best;
    }

    private List<Embedding> embedQuery(String text) {
        try {
            return embedder.embedQuery(text);
        } catch (DocChatException e) {
            long count = fallbacks.incrementAndGet();
            if (count % WARN_EVERY == 1) {
                log.warn("The query could not be embedded ({}); ranking by words only ({} times so far)",
                        e.getMessage(), count);
            }
            return null;
        }
    }

    private static List<FusedHit> lexicalOnly(List<ScoredPassage> hits) {
        List<FusedHit> out = new ArrayList<>(hits.size());
        for (ScoredPassage hit : hits) {
            out.add(new FusedHit(hit.passageId(), hit.score(), hit.score(), 0));
        }
        return out;
    }
}
