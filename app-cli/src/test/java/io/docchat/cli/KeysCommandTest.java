package io.docchat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docchat.documents.OcrSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void createdCredentialsAreListedWithoutSecretsAndCanBeRevoked() throws Exception {
        CliHarness cli = new CliHarness(temp);
        JsonNode key = JSON.readTree(cli.run("keys", "create", "--json").out());
        String keyId = key.path("accessKeyId").asText();
        String secret = key.path("accessKeySecret").asText();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
        JsonNode token = JSON.readTree(cli.run("keys", "create", "--bearer", "--label", "ci", "--json").out());
        String bearer = token.path("token").asText();

        CliHarness.Result list = cli.run("keys", "list", "--json");
        assertThat(list.out()).contains(keyId).doesNotContain(secret).doesNotContain(bearer);
        assertThat(JSON.readTree(list.out())).hasSize(2);

        assertThat(cli.run("keys", "revoke", keyId).exitCode()).isZero();
        assertThat(cli.run("keys", "revoke", bearer).exitCode()).isZero();
        assertThat(JSON.readTree(cli.run("keys", "list", "--json").out())).isEmpty();
        assertThat(cli.run("keys", "revoke", keyId).exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    }

    @Test
    void aBearerTokenCanBeRevokedByItsListedHashPrefix() throws Exception {
        CliHarness cli = new CliHarness(temp);
        cli.run("keys", "create", "--bearer");
        String hash = JSON.readTree(cli.run("keys", "list", "--json").out()).get(0).path("id").asText();
        assertThat(cli.run("keys", "revoke", hash.substring(0, 12)).exitCode()).isZero();
        assertThat(JSON.readTree(cli.run("keys", "list", "--json").out())).isEmpty();
    }

    @Test
    void keysAreManagedWhileAServerHoldsTheEngineOpenAndRevocationIsSeenAtOnce() throws Exception {
        CliHarness cli = new CliHarness(temp);
        // A running server: the engine open on the same data directory, its passage index locked for writing.
        try (Backend running = EmbeddedBackend.open(new DataHome(temp.resolve("data")).create(),
                ModelSettings.EXTRACTIVE, OcrSettings.disabled())) {
            CliHarness.Result created = cli.run("keys", "create", "--json");
            assertThat(created.exitCode()).as(created.err()).isZero();
            String keyId = JSON.readTree(created.out()).path("accessKeyId").asText();
            assertThat(running.docChat().accounts().accessKey(keyId)).as("the server sees the new key").isPresent();

            assertThat(JSON.readTree(cli.run("keys", "list", "--json").out())).hasSize(1);
            assertThat(cli.run("keys", "revoke", keyId).exitCode()).isZero();
            assertThat(running.docChat().accounts().accessKey(keyId)).as("the server's next lookup").isEmpty();
        }
    }
}
