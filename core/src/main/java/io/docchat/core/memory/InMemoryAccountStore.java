package io.docchat.core.memory;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.model.AccessKey;
import io.docchat.core.model.Account;
import io.docchat.core.model.BearerToken;
import io.docchat.core.port.AccountStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** An {@link AccountStore} held in memory; listings come in order of insertion. One lock guards everything. */
public final class InMemoryAccountStore implements AccountStore {

    private final Object lock = new Object();
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, AccessKey> accessKeys = new LinkedHashMap<>();
    private final Map<String, BearerToken> bearerTokens = new LinkedHashMap<>();
    private final Map<String, Instant> nonces = new HashMap<>();

    /** An empty store. */
    public InMemoryAccountStore() {}

    @Override
    public void insertAccount(Account account) {
        Objects.requireNonNull(account, "account");
        synchronized (lock) {
            if (accounts.putIfAbsent(account.id(), account) != null) {
                throw new DocChatException(ErrorCode.CONFLICT, "account " + account.id() + " already exists");
            }
        }
    }

    @Override
    public Optional<Account> findAccount(String accountId) {
        synchronized (lock) {
            return Optional.ofNullable(accounts.get(accountId));
        }
    }

    @Override
    public List<Account> listAccounts() {
        synchronized (lock) {
            return List.copyOf(accounts.values());
        }
    }

    @Override
    public void insertAccessKey(AccessKey key) {
        Objects.requireNonNull(key, "key");
        synchronized (lock) {
            if (accessKeys.putIfAbsent(key.accessKeyId(), key) != null) {
                throw new DocChatException(ErrorCode.CONFLICT, "access key " + key.accessKeyId() + " already exists");
            }
        }
    }

    @Override
    public Optional<AccessKey> findAccessKey(String accessKeyId) {
        synchronized (lock) {
            return Optional.ofNullable(accessKeys.get(accessKeyId));
        }
    }

    @Override
    public List<AccessKey> listAccessKeys(String accountId) {
        synchronized (lock) {
            return accessKeys.values().stream().filter(k -> k.accountId().equals(accountId)).toList();
        }
    }

    @Override
    public boolean deleteAccessKey(String accessKeyId) {
        synchronized (lock) {
            return accessKeys.remove(accessKeyId) != null;
        }
    }

    @Override
    public void insertBearerToken(BearerToken token) {
        Objects.requireNonNull(token, "token");
        synchronized (lock) {
            // The message names no hash: even a hash of a credential does not belong in logs.
            if (bearerTokens.putIfAbsent(token.tokenHash(), token) != null) {
                throw new DocChatException(ErrorCode.CONFLICT, "this bearer token is already registered");
            }
        }
    }

    @Override
    public Optional<BearerToken> findBearerToken(String tokenHash) {
        synchronized (lock) {
            return Optional.ofNullable(bearerTokens.get(tokenHash));
        }
    }

    @Override
    public List<BearerToken> listBearerTokens(String accountId) {
        synchronized (lock) {
            return bearerTokens.values().stream().filter(t -> t.accountId().equals(accountId)).toList();
        }
    }

    @Override
    public boolean deleteBearerToken(String tokenHash) {
        synchronized (lock) {
            return bearerTokens.remove(tokenHash) != null;
        }
    }

    @Override
    public boolean recordNonce(String nonce, Instant now, Instant expiresAt) {
        synchronized (lock) {
            nonces.values().removeIf(expiry -> !expiry.isAfter(now));
            return nonces.putIfAbsent(nonce, expiresAt) == null;
        }
    }
}
