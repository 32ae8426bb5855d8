package io.docchat.core.engine.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docchat.core.DocChat;
import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.api.Accounts;
import io.docchat.core.api.IssuedBearerToken;
import io.docchat.core.api.RevokedCredential;
import io.docchat.core.memory.InMemoryAccountStore;
import io.docchat.core.model.AccessKey;
import io.docchat.core.model.Account;
import io.docchat.core.model.BearerToken;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The accounts use case through the facade, over the in-memory store. */
class AccountServiceTest {
    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");

    private final InMemoryAccountStore store = new InMemoryAccountStore();
    private final DocChat docChat = DocChat.builder().accountStore(store)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    private final Accounts accounts = docChat.accounts();

    @AfterEach
    void close() {
        docChat.close();
    }

    @Test
    void anEmptyStoreHasNoCredentialsAndIssuingCreatesTheAccountOnce() {
        assertThat(accounts.hasCredentials()).isFalse();

        AccessKey key = accounts.issueAccessKey("acme");
        AccessKey second = accounts.issueAccessKey("acme");

        assertThat(accounts.hasCredentials()).isTrue();
        assertThat(accounts.list()).containsExactly(new Account("acme", "acme", NOW));
        assertThat(key.accessKeyId()).startsWith("DCAK").hasSize(24).isNotEqualTo(second.accessKeyId());
        assertThat(key.secret()).hasSize(40);
        assertThat(accounts.accessKey(key.accessKeyId())).contains(key);
        assertThat(accounts.accessKeys("acme")).containsExactly(key, second);
        assertThat(accounts.accessKey("nope")).isEmpty();
        assertThat(accounts.accessKey(" ")).isEmpty();
    }

    @Test
    void aBearerTokenIsStoredAsItsHashAndAuthenticatesItsAccount() {
        IssuedBearerToken issued = accounts.issueBearerToken("acme", "ci");

        assertThat(issued.token()).startsWith("dct_").hasSize(47);
        assertThat(issued.stored().tokenHash()).isEqualTo(TokenHash.of(issued.token())).isNotEqualTo(issued.token());
        assertThat(issued.stored().label()).isEqualTo("ci");
        assertThat(store.findBearerToken(TokenHash.of(issued.token()))).contains(issued.stored());
        assertThat(accounts.authenticateBearerToken(issued.token())).contains("acme");
        assertThat(accounts.authenticateBearerToken(issued.stored().tokenHash())).isEmpty();
        assertThat(accounts.authenticateBearerToken("")).isEmpty();
        assertThat(accounts.authenticateBearerToken(null)).isEmpty();
        assertThat(accounts.bearerTokens("acme")).containsExactly(issued.stored());
    }

    @Test
    void revokeTakesAnAccessKeyIdTheTokenOrAUniqueHashPrefix() {
        AccessKey key = accounts.issueAccessKey("acme");
        IssuedBearerToken byToken = accounts.issueBearerToken("acme", "");
        IssuedBearerToken byPrefix = accounts.issueBearerToken("other", "");

        assertThat(accounts.revoke(key.accessKeyId()))
                .contains(new RevokedCredential.AccessKeyRevoked(key.accessKeyId()));
        assertThat(accounts.accessKey(key.accessKeyId())).isEmpty();
        assertThat(accounts.revoke(byToken.token()))
                .contains(new RevokedCredential.BearerTokenRevoked(byToken.stored().tokenHash()));
        assertThat(accounts.authenticateBearerToken(byToken.token())).isEmpty();
        String prefix = byPrefix.stored().tokenHash().substring(0, 10).toUpperCase();
        assertThat(accounts.revoke(prefix))
                .contains(new RevokedCredential.BearerTokenRevoked(byPrefix.stored().tokenHash()));
        assertThat(accounts.hasCredentials()).isFalse();
        assertThat(accounts.revoke(prefix)).isEmpty();
        assertThat(accounts.revoke("short")).isEmpty();
    }

    @Test
    void aHashPrefixMatchingSeveralTokensIsRefusedAndRevokesNothing() {
        // Two real tokens sharing a 12-character hash prefix are too rare to wait for; store a second hash with it.
        IssuedBearerToken first = accounts.issueBearerToken("acme", "");
        String hash = first.stored().tokenHash();
        store.insertBearerToken(new BearerToken(
                hash.substring(0, 12) + "0".repeat(52), "acme", "twin", NOW));

        assertThatThrownBy(() -> accounts.revoke(hash.substring(0, 12)))
                .isInstanceOfSatisfying(DocChatException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
                    assertThat(e.getMessage()).contains("matches 2 bearer tokens");
                });
        assertThat(accounts.bearerTokens("acme")).hasSize(2);
    }

    @Test
    void credentialsOfTheLocalAccountCountWithoutItsAccountRow() {
        store.insertAccessKey(new AccessKey("AK1", Account.LOCAL, "secret", NOW));
        assertThat(accounts.hasCredentials()).isTrue();
    }

    @Test
    void aBlankAccountIsAMissingParameter() {
        assertThatThrownBy(() -> accounts.issueAccessKey(" "))
                .isInstanceOfSatisfying(DocChatException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_PARAMETER));
    }
}
