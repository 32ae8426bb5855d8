package io.docchat.core.port;

import io.docchat.core.model.AccessKey;
import io.docchat.core.model.Account;
import io.docchat.core.model.BearerToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Accounts and their credentials. Safe for concurrent use. */
public interface AccountStore {

    /** Records an account; an existing id is a {@code CONFLICT}. */
    void insertAccount(Account account);

    Optional<Account> findAccount(String accountId);

    List<Account> listAccounts();

    /** Records an access key; an existing AccessKeyId is a {@code CONFLICT}. */
    void insertAccessKey(AccessKey key);

    Optional<AccessKey> findAccessKey(String accessKeyId);

    List<AccessKey> listAccessKeys(String accountId);

    /** Revokes an access key; false if there was none. */
    boolean deleteAccessKey(String accessKeyId);

    void insertBearerToken(BearerToken token);

    /** The token whose hash this is (the caller hashes the presented token). */
    Optional<BearerToken> findBearerToken(String tokenHash);

    List<BearerToken> listBearerTokens(String accountId);

    boolean deleteBearerToken(String tokenHash);

    /**
     * Records a request signature's nonce until {@code expiresAt}, so that a captured request cannot be replayed,
     * not even after a restart. Nonces whose time ended by {@code now} are forgotten (and pruned) first.
     *
     * @param nonce     the nonce, qualified by whoever issued it (such as {@code <AccessKeyId>:<nonce>})
     * @param now       the current time, which decides what has expired
     * @param expiresAt when the nonce may be forgotten: the end of the window in which its request is accepted
     * @return true when the nonce was new (and is now recorded), false when it is still recorded from before
     */
    boolean recordNonce(String nonce, Instant now, Instant expiresAt);
}
