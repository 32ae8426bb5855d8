package io.docchat.core.engine.accounts;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.api.Accounts;
import io.docchat.core.api.IssuedBearerToken;
import io.docchat.core.api.RevokedCredential;
import io.docchat.core.engine.catalog.Validation;
import io.docchat.core.model.AccessKey;
import io.docchat.core.model.Account;
import io.docchat.core.model.BearerToken;
import io.docchat.core.port.AccountStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** {@link Accounts} over an {@link AccountStore}: the rules for accounts and credentials live here, not in drivers. */
public final class AccountService implements Accounts {
    /** The shortest hash prefix that may name a bearer token, so a stray short word cannot revoke one by chance. */
    private static final int MIN_HASH_PREFIX = 8;

    private final AccountStore store;
    private final Clock clock;
    private final CredentialGenerator credentials;

    public AccountService(AccountStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.credentials = new CredentialGenerator(new SecureRandom());
    }

    @Override
    public Account ensure(String accountId) {
        String id = Validation.account(accountId);
        Optional<Account> existing = store.findAccount(id);
        if (existing.isPresent()) {
            return existing.get();
        }
        Account account = new Account(id, id, clock.instant());
        try {
            store.insertAccount(account);
            return account;
        } catch (DocChatException e) {
            if (e.code() != ErrorCode.CONFLICT) {
                throw e;
            }
            // Another caller created it meanwhile; theirs is the account.
            return store.findAccount(id).orElseThrow(() -> e);
        }
    }

    @Override
    public List<Account> list() {
        return store.listAccounts();
    }

    @Override
    public AccessKey issueAccessKey(String accountId) {
        Account account = ensure(accountId);
        AccessKey key = new AccessKey(
                credentials.accessKeyId(), account.id(), credentials.accessKeySecret(), clock.instant());
        store.insertAccessKey(key);
        return key;
    }

    @Override
    public IssuedBearerToken issueBearerToken(String accountId, String label) {
        Account account = ensure(accountId);
        String token = credentials.bearerToken();
        BearerToken stored = new BearerToken(TokenHash.of(token), account.id(), label == null ? "" : label,
                clock.instant());
        store.insertBearerToken(stored);
        return new IssuedBearerToken(token, stored);
    }

    @Override
    public List<AccessKey> accessKeys(String accountId) {
        return store.listAccessKeys(Validation.account(accountId));
    }

    @Override
    public List<BearerToken> bearerTokens(String accountId) {
        return store.listBearerTokens(Validation.account(accountId));
    }

    @Override
    public Optional<RevokedCredential> revoke(String credential) {
        String id = Validation.required("credential", credential);
        if (store.deleteAccessKey(id)) {
            return Optional.of(new RevokedCredential.AccessKeyRevoked(id));
        }
        String hash = TokenHash.of(id);
        if (store.deleteBearerToken(hash)) {
            return Optional.of(new RevokedCredential.BearerTokenRevoked(hash));
        }
        if (id.length() < MIN_HASH_PREFIX) {
            return Optional.empty();
        }
        String prefix = id.toLowerCase(Locale.ROOT);
        List<String> matches = new ArrayList<>();
        for (Account account : store.listAccounts()) {
            for (BearerToken token : store.listBearerTokens(account.id())) {
                if (token.tokenHash().startsWith(prefix)) {
                    matches.add(token.tokenHash());
                }
            }
        }
        if (matches.size() > 1) {
            throw new DocChatException(ErrorCode.INVALID_PARAMETER, "credential",
                    "'" + id + "' matches " + matches.size() + " bearer tokens; give more characters", null);
        }
        if (matches.isEmpty() || !store.deleteBearerToken(matches.get(0))) {
            return Optional.empty();
        }
        return Optional.of(new RevokedCredential.BearerTokenRevoked(matches.get(0)));
    }

    @Override
    public Optional<String> authenticateBearerToken(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return store.findBearerToken(TokenHash.of(token)).map(BearerToken::accountId);
    }

    @Override
    public boolean recordNonce(String nonce, Instant now, Instant keepUntil) {
        return store.recordNonce(nonce, now, keepUntil);
    }

    @Override
    public Optional<AccessKey> accessKey(String accessKeyId) {
        if (accessKeyId == null || accessKeyId.isBlank()) {
            return Optional.empty();
        }
        return store.findAccessKey(accessKeyId);
    }

    @Override
    public boolean hasCredentials() {
        List<String> ids = new ArrayList<>();
        store.listAccounts().forEach(account -> ids.add(account.id()));
        // Credentials of the local account count even if the account row itself was never written.
        if (!ids.contains(Account.LOCAL)) {
            ids.add(Account.LOCAL);
        }
        for (String id : ids) {
            if (!store.listAccessKeys(id).isEmpty() || !store.listBearerTokens(id).isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
