package io.docchat.core.api;

import io.docchat.core.model.AccessKey;
import io.docchat.core.model.Account;
import io.docchat.core.model.BearerToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Accounts (tenants) and the credentials that act for them: AccessKey pairs for signed requests and bearer tokens.
 * Secrets are made here; a bearer token is shown once, when issued, and only its hash is kept.
 */
public interface Accounts {

    /** The account with this id, created (named after its id) if it does not exist yet. */
    Account ensure(String accountId);

    /** Every account, oldest first. */
    List<Account> list();

    /** A new AccessKey pair for the account, which is created if new. The secret is in the returned key. */
    AccessKey issueAccessKey(String accountId);

    /** A new bearer token for the account, which is created if new; the token itself is returned only here. */
    IssuedBearerToken issueBearerToken(String accountId, String label);

    /** The account's access keys (with their secrets: callers must not show them). */
    List<AccessKey> accessKeys(String accountId);

    /** The account's bearer tokens, as hashes. */
    List<BearerToken> bearerTokens(String accountId);

    /**
     * Revokes a credential named by its AccessKeyId, by the bearer token itself, or by a prefix of at least 8
     * characters of the token's hash that matches exactly one token; empty when nothing matches.
     *
     * @throws io.docchat.core.DocChatException {@code INVALID_PARAMETER} when a hash prefix matches several tokens
     */
    Optional<RevokedCredential> revoke(String credential);

    /** The account a presented bearer token acts for; empty for an unknown or blank token. */
    Optional<String> authenticateBearerToken(String token);

    /** The access key with this id, for checking a request signature with its secret. */
    Optional<AccessKey> accessKey(String accessKeyId);

    /**
     * Records a request signature's nonce until {@code keepUntil}, so that a captured request cannot be replayed, not
     * even after a restart.
     *
     * @param nonce     the nonce, qualified by whoever issued it (such as {@code <AccessKeyId>:<nonce>})
     * @param now       the current time, which decides which recorded nonces have expired
     * @param keepUntil the end of the window in which the nonce's request could be accepted
     * @return true when the nonce was new, false when it was already used within its window
     */
    boolean recordNonce(String nonce, Instant now, Instant keepUntil);

    /** Whether any access key or bearer token exists; a server without any runs in local mode. */
    boolean hasCredentials();
}
