package io.docchat.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Addresses as people write them for psql, translated for the driver, with the password kept out of messages. */
class PostgresUrlTest {

    @Test
    void aLibpqStyleAddressBecomesAJdbcAddressWithItsCredentialsApart() {
        PostgresUrl url = PostgresUrl.parse("postgresql://doc%40chat:s3cr%2Ft@db.internal:6543/kb?sslmode=require");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/kb?sslmode=require");
        assertThat(url.user()).isEqualTo("doc@chat");
        assertThat(url.password()).isEqualTo("s3cr/t");
        assertThat(url.display()).isEqualTo("postgresql://doc@chat@db.internal:6543/kb").doesNotContain("s3cr");
    }

    @Test
    void theShortSchemeAndAMissingPortOrUserAreAccepted() {
        PostgresUrl url = PostgresUrl.parse("postgres://db/kb");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db/kb");
        assertThat(url.user()).isNull();
        assertThat(url.password()).isNull();
    }

    @Test
    void aJdbcAddressIsTakenAsItIsButItsPasswordIsNotShown() {
        PostgresUrl url = PostgresUrl.parse("jdbc:postgresql://db/kb?user=a&password=hunter2");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db/kb?user=a&password=hunter2");
        assertThat(url.display()).doesNotContain("hunter2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "mysql://db/kb", "postgresql://db", "postgresql://db/", "postgresql:///kb",
            "postgresql://db:port/kb"})
    void anythingElseIsAnInvalidParameterNamingTheExpectedForm(String text) {
        assertThatThrownBy(() -> PostgresUrl.parse(text))
                .isInstanceOf(DocChatException.class)
                .hasMessageContaining("postgresql://user:password@host:port/database")
                .satisfies(e -> assertThat(((DocChatException) e).code()).isEqualTo(ErrorCode.INVALID_PARAMETER));
    }
}
