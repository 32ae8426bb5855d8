package io.docchat.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A body is read whole as it arrives in pieces of any size, and refused once past the limit. */
class BodyReaderTest {
    private static final long LIMIT = 8L * 1024 * 1024;

    @Test
    void aDeclaredLengthBodyArrivingInSmallPiecesIsReadExactly() throws IOException {
        byte[] body = random(3 * 1024 * 1024 + 17);

        assertThat(BodyReader.read(new Trickle(body, 7), body.length, LIMIT)).isEqualTo(body);
    }

    @Test
    void aChunkedBodyIsReadExactly() throws IOException {
        byte[] body = random(2 * 1024 * 1024 + 5);

        assertThat(BodyReader.read(new Trickle(body, 11), -1, LIMIT)).isEqualTo(body);
    }

    @Test
    void emptyBodiesAndOneOfExactlyTheLimitAreRead() throws IOException {
        byte[] atLimit = random((int) LIMIT);

        assertThat(BodyReader.read(new ByteArrayInputStream(new byte[0]), 0, LIMIT)).isEmpty();
        assertThat(BodyReader.read(new ByteArrayInputStream(new byte[0]), -1, LIMIT)).isEmpty();
        assertThat(BodyReader.read(new Trickle(atLimit, 13), -1, LIMIT)).isEqualTo(atLimit);
    }

    @Test
    void aChunkedBodyPastTheLimitIsA413() {
        byte[] body = random((int) LIMIT + 1);

        assertThatThrownBy(() -> BodyReader.read(new Trickle(body, 13), -1, LIMIT))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(413));
    }

    @Test
    void aBodyEndingBeforeItsDeclaredLengthGivesWhatArrived() throws IOException {
        byte[] sent = random(1_500_000);

        assertThat(BodyReader.read(new Trickle(sent, 5), 2_000_000, LIMIT)).isEqualTo(sent);
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    /** Hands out its bytes a few thousand at a time, of varying sizes, as a network read does. */
    private static final class Trickle extends InputStream {
        private final byte[] bytes;
        private final Random sizes;
        private int position;

        Trickle(byte[] bytes, long seed) {
            this.bytes = bytes;
            this.sizes = new Random(seed);
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (position >= bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(length, 1 + sizes.nextInt(9_000)), bytes.length - position);
            System.arraycopy(bytes, position, into, offset, n);
            position += n;
            return n;
        }
    }
}
