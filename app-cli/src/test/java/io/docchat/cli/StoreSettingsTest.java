package io.docchat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the store setting comes from: the flag, then DOCCHAT_STORE, then {@code store} in config.properties. */
class StoreSettingsTest {
    private static final String FILE_URL = "postgresql://docchat@file-host:5432/kb";
    private static final String ENV_URL = "postgresql://docchat@env-host:5432/kb";
    private static final String FLAG_URL = "postgresql://docchat@flag-host:5432/kb";

    @TempDir
    Path temp;

    private CliEnvironment environment(Map<String, String> variables) {
        Terminal terminal = new Terminal(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                false, false);
        return new CliEnvironment(variables, new ByteArrayInputStream(new byte[0]), terminal, Interrupts.none(),
                temp);
    }

    @Test
    void theFlagWinsOverTheEnvironmentWhichWinsOverTheFile() throws Exception {
        Path config = temp.resolve("config.properties");
        Files.writeString(config, "store=" + FILE_URL + "\n");
        CliEnvironment withVariable = environment(Map.of(StoreSettings.ENV_VARIABLE, ENV_URL));

        assertThat(StoreSettings.resolve(config, withVariable, FLAG_URL).url()).isEqualTo(FLAG_URL);
        assertThat(StoreSettings.resolve(config, withVariable, null).url()).isEqualTo(ENV_URL);
        assertThat(StoreSettings.resolve(config, environment(Map.of()), null).url()).isEqualTo(FILE_URL);
        assertThat(StoreSettings.resolve(temp.resolve("absent.properties"), environment(Map.of()), null).shared())
                .isFalse();
    }

    @Test
    void embeddedNamesTheDefaultAndAnythingElseIsAUsageError() {
        assertThat(new StoreSettings("embedded").shared()).isFalse();
        assertThat(new StoreSettings(" sqlite ").shared()).isFalse();
        assertThat(new StoreSettings("jdbc:postgresql://db/kb").shared()).isTrue();
        assertThatThrownBy(() -> new StoreSettings("mysql://db/kb"))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("postgresql://")
                .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(ExitCodes.USAGE));
    }
}
