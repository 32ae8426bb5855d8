package io.docchat.http;

import io.docchat.core.api.Accounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Signature nonces kept in the account store until the window in which their request could be accepted ends, so
 * that a captured request cannot be replayed, not even after a restart.
 */
final class StoredNonces {
    private final Accounts accounts;
    private final Clock clock;
    private final Duration retention;

    /**
     * @param retention how long a nonce is kept: its request is accepted while its date lies within the date window
     *                  either side of now, so twice the window covers every moment a replay could still be accepted
     */
    StoredNonces(Accounts accounts, Clock clock, Duration retention) {
        this.accounts = accounts;
        this.clock = clock;
        this.retention = retention;
    }

    /** Records the nonce; false when it was already used within its window. */
    boolean claim(String nonce) {
        Instant now = clock.instant();
        return accounts.recordNonce(nonce, now, now.plus(retention));
    }
}
