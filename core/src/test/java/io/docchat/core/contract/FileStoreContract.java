package io.docchat.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docchat.core.port.FileStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link FileStore} must have. An adapter's test extends this class and implements
 * {@link #create()}; a durable adapter also overrides {@link #reopen} so that the suite checks what survives a restart.
 */
public abstract class FileStoreContract {

    /** The store under test; replaced by {@link #reopenStore()}. */
    protected FileStore store;

    /** A fresh, empty store. Called once per test. */
    protected abstract FileStore create();

    /** Closes {@code old} and opens the same files again; by default the same instance (a store without files). */
    protected FileStore reopen(FileStore old) {
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

    /** Every byte value, in a seeded random order, several times over. */
    protected static byte[] binary(long seed, int length) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        for (int i = 0; i < Math.min(256, length); i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    @Test
    void storedBytesAreReadBackExactly() {
        byte[] content = binary(42, 70_000);
        store.put("acme/files/0f3a", content);
        reopenStore();

        assertThat(store.read("acme/files/0f3a")).hasValueSatisfying(read -> assertThat(read).isEqualTo(content));
    }

    @Test
    void missingKeyReadsAsEmpty() {
        assertThat(store.read("acme/never-written")).isEmpty();
        store.put("acme/written", new byte[] {1});
        assertThat(store.read("acme/written-not")).isEmpty();
        assertThat(store.read("acme")).isEmpty();
    }

    @Test
    void putReplacesEarlierContent() {
        store.put("doc-1", binary(1, 10_000));
        byte[] shorter = "short".getBytes(StandardCharsets.UTF_8);

        store.put("doc-1", shorter);
        reopenStore();

        assertThat(store.read("doc-1")).hasValueSatisfying(read -> assertThat(read).isEqualTo(shorter));
    }

    @Test
    void emptyContentIsKept() {
        store.put("empty_file", new byte[0]);

        assertThat(store.read("empty_file")).hasValueSatisfying(read -> assertThat(read).isEmpty());
    }

    @Test
    void deleteRemovesTheFileOnce() {
        store.put("a/b/c", new byte[] {1, 2, 3});
        store.put("a/b/d", new byte[] {4});

        assertThat(store.delete("a/b/c")).isTrue();
        reopenStore();

        assertThat(store.read("a/b/c")).isEmpty();
        assertThat(store.delete("a/b/c")).isFalse();
        assertThat(store.delete("never/there")).isFalse();
        assertThat(store.read("a/b/d")).hasValueSatisfying(read -> assertThat(read).containsExactly(4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "with-dash_and_underscore", "acme/2024/03/9f86d081884c7d65",
            "deeply/nested/path/of/many/levels/file", "UPPER/lower/123"})
    void keysOfEveryAllowedShapeWork(String key) {
        byte[] content = key.getBytes(StandardCharsets.UTF_8);
        store.put(key, content);
        reopenStore();

        assertThat(store.read(key)).hasValueSatisfying(read -> assertThat(read).isEqualTo(content));
        assertThat(store.delete(key)).isTrue();
        assertThat(store.read(key)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/absolute", "../escape", "a/../b", "a//b", "trailing/", "dot.ted", "white space",
            "back\\slash", "非ASCII"})
    void keysOutsideTheDocumentedShapeAreRejected(String key) {
        assertThatThrownBy(() -> store.put(key, new byte[] {1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.read(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete(key)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysSharingAPrefixAreIndependent() {
        store.put("acme/a", new byte[] {1});
        store.put("acme/a/b", new byte[] {2});
        store.put("acme/ab", new byte[] {3});

        assertThat(store.read("acme/a")).hasValueSatisfying(read -> assertThat(read).containsExactly(1));
        assertThat(store.read("acme/a/b")).hasValueSatisfying(read -> assertThat(read).containsExactly(2));
        assertThat(store.read("acme/ab")).hasValueSatisfying(read -> assertThat(read).containsExactly(3));
    }

    @Test
    void changingTheCallersArrayAfterPutChangesNothingStored() {
        byte[] content = {1, 2, 3};
        store.put("copy", content);
        content[0] = 9;

        byte[] read = store.read("copy").orElseThrow();
        assertThat(read).containsExactly(1, 2, 3);
        read[1] = 9;
        assertThat(store.read("copy").orElseThrow()).containsExactly(1, 2, 3);
    }

    @Test
    void keysWrittenBeforeATimeAreListedUnderTheirPrefix() {
        store.put("files/one", new byte[] {1});
        store.put("files/two", new byte[] {2});
        store.put("other/three", new byte[] {3});
        store.put("files/gone", new byte[] {4});
        store.delete("files/gone");
        reopenStore();

        Instant later = Instant.now().plusSeconds(60);
        assertThat(store.keysWrittenBefore("files/", later)).containsExactlyInAnyOrder("files/one", "files/two");
        assertThat(store.keysWrittenBefore("", later))
                .containsExactlyInAnyOrder("files/one", "files/two", "other/three");
        assertThat(store.keysWrittenBefore("files/", Instant.now().minusSeconds(3600))).isEmpty();
    }

    @Test
    void aBatchStoresEveryFileAndReplacesEarlierContent() {
        store.put("batch/old", binary(7, 5_000));
        Map<String, byte[]> batch = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            batch.put("batch/" + (i % 3) + "/f" + i, binary(i, 1 + i * 97));
        }
        batch.put("batch/old", new byte[] {5});
        batch.put("batch/empty", new byte[0]);
        store.putAll(batch);
        reopenStore();

        batch.forEach((key, content) ->
                assertThat(store.read(key)).as(key).hasValueSatisfying(read -> assertThat(read).isEqualTo(content)));
        assertThat(store.keysWrittenBefore("batch/", Instant.now().plusSeconds(60))).hasSize(batch.size());
    }

    @Test
    void aBatchWithAnInvalidKeyIsRefused() {
        Map<String, byte[]> batch = new LinkedHashMap<>();
        batch.put("good/one", new byte[] {1});
        batch.put("../escape", new byte[] {2});

        assertThatThrownBy(() -> store.putAll(batch)).isInstanceOf(IllegalArgumentException.class);
    }
}
