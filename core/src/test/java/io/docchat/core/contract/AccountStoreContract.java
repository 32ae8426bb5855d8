package io.docchat.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.model.AccessKey;
import io.docchat.core.model.Account;
import io.docchat.core.model.BearerToken;
import io.docchat.core.port.AccountStore;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link AccountStore} must have. An adapter's test extends this class and implements
 * {@link #create()}; a durable adapter also overrides {@link #reopen} so that the suite checks what survives a restart.
 */
public abstract class AccountStoreContract {

    protected final ContractFixtures fixtures = new ContractFixtures();

    /** The store under test; replaced by {@link #reopenStore()}. */
    protected AccountStore store;

    /** A fresh, empty store. Called once per test. */
    protected abstract AccountStore create();

    /** Closes {@code old} and opens the same data again; by default the same instance (a store without files). */
    protected AccountStore reopen(AccountStore old) {
        return old;
    }

    @BeforeEach
    void createStore() {
        store = create();
    }

    @AfterEach
    void closeStore() throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    protected final void reopenStore() {
        store = reopen(store);
    }

    protected final Account insertAccount(String name) {
        Account account = fixtures.account(name);
        store.insertAccount(account);
        return account;
    }

    // ---- accounts

    @Test
    void accountsAreFoundAndListed() {
        Account acme = insertAccount("Acme 公司");
        Account globex = insertAccount("Globex");
        reopenStore();

        assertThat(store.findAccount(acme.id())).contains(acme);
        assertThat(store.findAccount(globex.id())).contains(globex);
        assertThat(store.findAccount("nobody")).isEmpty();
        assertThat(store.listAccounts()).containsExactlyInAnyOrder(acme, globex);
    }

    @Test
    void newStoreHasNoAccountsOrCredentials() {
        assertThat(store.listAccounts()).isEmpty();
        assertThat(store.listAccessKeys(Account.LOCAL)).isEmpty();
        assertThat(store.listBearerTokens(Account.LOCAL)).isEmpty();
    }

    @Test
    void duplicateAccountIdIsAConflict() {
        Account acme = insertAccount("Acme");
        Account duplicate = new Account(acme.id(), "Another name", Instant.parse("2025-01-01T00:00:00Z"));

        assertThatThrownBy(() -> store.insertAccount(duplicate))
                .isInstanceOfSatisfying(DocChatException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThat(store.findAccount(acme.id())).contains(acme);
        assertThat(store.listAccounts()).containsExactly(acme);
    }

    // ---- access keys

    @Test
    void accessKeysAreFoundListedPerAccountAndRevoked() {
        Account acme = insertAccount("Acme");
        Account globex = insertAccount("Globex");
        AccessKey first = fixtures.accessKey(acme.id());
        AccessKey second = fixtures.accessKey(acme.id());
        AccessKey foreign = fixtures.accessKey(globex.id());
        store.insertAccessKey(first);
        store.insertAccessKey(second);
        store.insertAccessKey(foreign);
        reopenStore();

        assertThat(store.findAccessKey(first.accessKeyId())).contains(first);
        assertThat(store.findAccessKey("AKUNKNOWN")).isEmpty();
        assertThat(store.listAccessKeys(acme.id())).containsExactlyInAnyOrder(first, second);
        assertThat(store.listAccessKeys(globex.id())).containsExactly(foreign);

        assertThat(store.deleteAccessKey(first.accessKeyId())).isTrue();
        assertThat(store.deleteAccessKey(first.accessKeyId())).isFalse();
        assertThat(store.deleteAccessKey("AKUNKNOWN")).isFalse();
        reopenStore();
        assertThat(store.findAccessKey(first.accessKeyId())).isEmpty();
        assertThat(store.listAccessKeys(acme.id())).containsExactly(second);
    }

    @Test
    void duplicateAccessKeyIdIsAConflict() {
        Account acme = insertAccount("Acme");
        Account globex = insertAccount("Globex");
        AccessKey key = fixtures.accessKey(acme.id());
        store.insertAccessKey(key);
        AccessKey duplicate = new AccessKey(key.accessKeyId(), globex.id(), "other-secret", key.createdAt());

        assertThatThrownBy(() -> store.insertAccessKey(duplicate))
                .isInstanceOfSatisfying(DocChatException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThat(store.findAccessKey(key.accessKeyId())).contains(key);
        assertThat(store.listAccessKeys(globex.id())).isEmpty();
    }

    // ---- bearer tokens

    @Test
    void bearerTokensAreFoundByHashListedPerAccountAndDeleted() {
        Account acme = insertAccount("Acme");
        Account globex = insertAccount("Globex");
        BearerToken ci = fixtures.bearerToken(acme.id(), "ci");
        BearerToken laptop = fixtures.bearerToken(acme.id(), "laptop");
        BearerToken foreign = fixtures.bearerToken(globex.id(), "theirs");
        store.insertBearerToken(ci);
        store.insertBearerToken(laptop);
        store.insertBearerToken(foreign);
        reopenStore();

        assertThat(store.findBearerToken(ci.tokenHash())).contains(ci);
        assertThat(store.findBearerToken(ContractFixtures.hash("not a token"))).isEmpty();
        assertThat(store.listBearerTokens(acme.id())).containsExactlyInAnyOrder(ci, laptop);
        assertThat(store.listBearerTokens(globex.id())).containsExactly(foreign);

        assertThat(store.deleteBearerToken(ci.tokenHash())).isTrue();
        assertThat(store.deleteBearerToken(ci.tokenHash())).isFalse();
        reopenStore();
        assertThat(store.findBearerToken(ci.tokenHash())).isEmpty();
        assertThat(store.listBearerTokens(acme.id())).containsExactly(laptop);
        assertThat(store.findBearerToken(foreign.tokenHash())).contains(foreign);
    }

    // ---- signature nonces

    @Test
    void aNonceIsNewOnceAndStaysRecordedUntilItsWindowEndsAcrossAReopen() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Instant windowEnd = start.plusSeconds(1_800);
        assertThat(store.recordNonce("AK1:n-1", start, windowEnd)).isTrue();
        assertThat(store.recordNonce("AK1:n-1", start.plusSeconds(1), windowEnd.plusSeconds(1))).isFalse();
        assertThat(store.recordNonce("AK2:n-1", start.plusSeconds(1), windowEnd.plusSeconds(1))).isTrue();
        reopenStore();
        assertThat(store.recordNonce("AK1:n-1", start.plusSeconds(1_799), windowEnd)).isFalse();
    }

    @Test
    void anExpiredNonceIsForgottenAndMayBeRecordedAgain() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(store.recordNonce("AK1:old", start, start.plusSeconds(60))).isTrue();
        assertThat(store.recordNonce("AK1:other", start, start.plusSeconds(600))).isTrue();
        // At the instant its window ends the first is pruned; the second is still inside its own.
        assertThat(store.recordNonce("AK1:old", start.plusSeconds(60), start.plusSeconds(120))).isTrue();
        assertThat(store.recordNonce("AK1:other", start.plusSeconds(60), start.plusSeconds(660))).isFalse();
    }

    @Test
    void concurrentClaimsOfOneNonceLetExactlyOneThrough() throws Exception {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        int threads = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Boolean>> claims = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                claims.add(pool.submit(() -> {
                    go.await();
                    return store.recordNonce("AK1:race", now, now.plusSeconds(900));
                }));
            }
            go.countDown();
            int won = 0;
            for (java.util.concurrent.Future<Boolean> claim : claims) {
                won += claim.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
