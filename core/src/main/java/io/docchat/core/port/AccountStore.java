package io.docchat.core.port;

import io.docchat.core.model.AccessKey;
import io.docchat.core.model.Account;
import io.docchat.core.model.BearerToken;
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
}
