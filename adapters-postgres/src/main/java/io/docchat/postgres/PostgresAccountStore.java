package io.docchat.postgres;

import io.docchat.core.model.AccessKey;
import io.docchat.core.model.Account;
import io.docchat.core.model.BearerToken;
import io.docchat.core.port.AccountStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/** {@link AccountStore} on PostgreSQL; a view of a {@link PostgresStorage}, closed with it. */
public final class PostgresAccountStore implements AccountStore {
    private final PostgresTransactions transactions;

    PostgresAccountStore(PostgresTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void insertAccount(Account account) {
        transactions.write("inserting account " + account.id(), handle -> handle
                .createUpdate("INSERT INTO account (id, name, created_at) VALUES (?, ?, ?)")
                .bind(0, account.id())
                .bind(1, account.name())
                .bind(2, Times.toNanos(account.createdAt()))
                .execute());
    }

    @Override
    public Optional<Account> findAccount(String accountId) {
        return transactions.read("finding account " + accountId, handle -> handle
                .createQuery("SELECT id, name, created_at FROM account WHERE id = ?")
                .bind(0, accountId)
                .map(PostgresAccountStore::account)
                .findOne());
    }

    @Override
    public List<Account> listAccounts() {
        return transactions.read("listing accounts", handle -> handle
                .createQuery("SELECT id, name, created_at FROM account ORDER BY created_at, id")
                .map(PostgresAccountStore::account)
                .list());
    }

    @Override
    public void insertAccessKey(AccessKey key) {
        transactions.write("inserting access key " + key.accessKeyId(), handle -> handle
                .createUpdate("INSERT INTO access_key (access_key_id, account_id, secret, created_at) VALUES (?, ?, ?, ?)")
                .bind(0, key.accessKeyId())
                .bind(1, key.accountId())
                .bind(2, key.secret())
                .bind(3, Times.toNanos(key.createdAt()))
                .execute());
    }

    @Override
    public Optional<AccessKey> findAccessKey(String accessKeyId) {
        return transactions.read("finding access key " + accessKeyId, handle -> handle
                .createQuery("SELECT access_key_id, account_id, secret, created_at FROM access_key WHERE access_key_id = ?")
                .bind(0, accessKeyId)
                .map(PostgresAccountStore::accessKey)
                .findOne());
    }

    @Override
    public List<AccessKey> listAccessKeys(String accountId) {
        return transactions.read("listing access keys", handle -> handle
                .createQuery("SELECT access_key_id, account_id, secret, created_at FROM access_key"
                        + " WHERE account_id = ? ORDER BY created_at, access_key_id")
                .bind(0, accountId)
                .map(PostgresAccountStore::accessKey)
                .list());
    }

    @Override
    public boolean deleteAccessKey(String accessKeyId) {
        return transactions.write("deleting access key " + accessKeyId, handle -> handle
                .createUpdate("DELETE FROM access_key WHERE access_key_id = ?")
                .bind(0, accessKeyId)
                .execute() > 0);
    }

    @Override
    public void insertBearerToken(BearerToken token) {
        transactions.write("inserting a bearer token", handle -> handle
                .createUpdate("INSERT INTO bearer_token (token_hash, account_id, label, created_at) VALUES (?, ?, ?, ?)")
                .bind(0, token.tokenHash())
                .bind(1, token.accountId())
                .bind(2, token.label())
                .bind(3, Times.toNanos(token.createdAt()))
                .execute());
    }

    @Override
    public Optional<BearerToken> findBearerToken(String tokenHash) {
        return transactions.read("finding a bearer token", handle -> handle
                .createQuery("SELECT token_hash, account_id, label, created_at FROM bearer_token WHERE token_hash = ?")
                .bind(0, tokenHash)
                .map(PostgresAccountStore::bearerToken)
                .findOne());
    }

    @Override
    public List<BearerToken> listBearerTokens(String accountId) {
        return transactions.read("listing bearer tokens", handle -> handle
                .createQuery("SELECT token_hash, account_id, label, created_at FROM bearer_token"
                        + " WHERE account_id = ? ORDER BY created_at, token_hash")
                .bind(0, accountId)
                .map(PostgresAccountStore::bearerToken)
                .list());
    }

    @Override
    public boolean deleteBearerToken(String tokenHash) {
        return transactions.write("deleting a bearer token", handle -> handle
                .createUpdate("DELETE FROM bearer_token WHERE token_hash = ?")
                .bind(0, tokenHash)
                .execute() > 0);
    }

    @Override
    public boolean recordNonce(String nonce, Instant now, Instant expiresAt) {
        // One statement per step, in one transaction: a nonce two nodes record at once is new for exactly one of them
        // (the primary key decides).
        return transactions.write("recording a signature nonce", handle -> {
            handle.createUpdate("DELETE FROM signature_nonce WHERE expires_at <= ?")
                    .bind(0, Times.toNanos(now))
                    .execute();
            return handle.createUpdate("INSERT INTO signature_nonce (nonce, expires_at) VALUES (?, ?)"
                            + " ON CONFLICT (nonce) DO NOTHING")
                    .bind(0, nonce)
                    .bind(1, Times.toNanos(expiresAt))
                    .execute() == 1;
        });
    }

    private static Account account(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Account(rs.getString(1), rs.getString(2), Times.fromNanos(rs.getLong(3)));
    }

    private static AccessKey accessKey(ResultSet rs, StatementContext ctx) throws SQLException {
        return new AccessKey(rs.getString(1), rs.getString(2), rs.getString(3), Times.fromNanos(rs.getLong(4)));
    }

    private static BearerToken bearerToken(ResultSet rs, StatementContext ctx) throws SQLException {
        return new BearerToken(rs.getString(1), rs.getString(2), rs.getString(3), Times.fromNanos(rs.getLong(4)));
    }
}
