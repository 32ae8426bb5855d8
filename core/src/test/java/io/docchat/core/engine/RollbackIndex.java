package io.docchat.core.engine;

import io.docchat.core.contract.ForwardingPassageIndex;
import io.docchat.core.port.IndexedPassage;
import io.docchat.core.port.PassageIndex;
import java.util.List;

/**
 * A real index whose applied sequence can be set back, as after a crash that lost the index's last commits while the
 * store kept its own. It outlives the engines of a test, so closing it does nothing.
 */
final class RollbackIndex extends ForwardingPassageIndex {
    /** The applied sequence claimed after a roll-back, or -1 to report the delegate's own. */
    private long applied = -1;
    private boolean failWrites;
    /** The applied sequence at the last commit, -1 before any. */
    private long committed = -1;

    RollbackIndex(PassageIndex delegate) {
        super(delegate);
    }

    synchronized void rollBackTo(long sequence) {
        applied = sequence;
    }

    /** Makes writes fail (as a full disk would) until called with false. */
    synchronized void failWrites(boolean fail) {
        failWrites = fail;
    }

    private void checkWritable() {
        if (failWrites) {
            throw new IllegalStateException("no space left on device");
        }
    }

    @Override
    public synchronized void add(List<IndexedPassage> passages) {
        checkWritable();
        delegate.add(passages);
        if (applied >= 0) {
            for (IndexedPassage passage : passages) {
                applied = Math.max(applied, passage.id());
            }
        }
    }

    @Override
    public synchronized void removeDocument(long documentId, long sequence) {
        checkWritable();
        delegate.removeDocument(documentId, sequence);
        if (applied >= 0) {
            applied = Math.max(applied, sequence);
        }
    }

    @Override
    public synchronized long appliedSequence() {
        return applied >= 0 ? applied : delegate.appliedSequence();
    }

    @Override
    public synchronized void commit() {
        delegate.commit();
        committed = appliedSequence();
    }

    /** The applied sequence the index held at its last commit: once it is the store's, the engine has nothing due. */
    synchronized long committedSequence() {
        return committed;
    }

    @Override
    public synchronized void clear() {
        delegate.clear();
        applied = -1;
    }

    @Override
    public void close() {
        // Shared by several engines in a test: the test owns it.
    }
}
