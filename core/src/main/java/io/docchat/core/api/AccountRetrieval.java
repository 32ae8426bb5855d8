package io.docchat.core.api;

import java.util.List;

/** {@link Retrieval} of one account; each method is the facade's with the account filled in. */
public final class AccountRetrieval {
    private final Retrieval retrieval;
    private final String accountId;

    AccountRetrieval(Retrieval retrieval, String accountId) {
        this.retrieval = retrieval;
        this.accountId = accountId;
    }

    /** @see Retrieval#search(String, RetrievalRequest) */
    public List<RetrievedPassage> search(RetrievalRequest request) {
        return retrieval.search(accountId, request);
    }
}
