package io.docchat.core.contract;

import io.docchat.core.port.Embedding;
import io.docchat.core.port.IndexedPassage;
import io.docchat.core.port.PassageIndex;
import io.docchat.core.port.ScoredPassage;
import io.docchat.core.port.SearchRequest;
import java.util.List;

/**
 * A passage index that hands every call to another one: tests that hold, fail or rewind some calls of a real index
 * override just those.
 */
public abstract class ForwardingPassageIndex implements PassageIndex {
    protected final PassageIndex delegate;

    protected ForwardingPassageIndex(PassageIndex delegate) {
        this.delegate = delegate;
    }

    @Override
    public void add(List<IndexedPassage> passages) {
        delegate.add(passages);
    }

    @Override
    public void removeDocument(long documentId, long sequence) {
        delegate.removeDocument(documentId, sequence);
    }

    @Override
    public List<ScoredPassage> search(SearchRequest request) {
        return delegate.search(request);
    }

    @Override
    public List<ScoredPassage> nearest(SearchRequest request, List<Embedding> queryVectors) {
        return delegate.nearest(request, queryVectors);
    }

    @Override
    public void addVectors(List<IndexedPassage> passages, long vectorSequence) {
        delegate.addVectors(passages, vectorSequence);
    }

    @Override
    public long appliedVectorSequence() {
        return delegate.appliedVectorSequence();
    }

    @Override
    public long appliedSequence() {
        return delegate.appliedSequence();
    }

    @Override
    public void commit() {
        delegate.commit();
    }

    @Override
    public void clear() {
        delegate.clear();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
