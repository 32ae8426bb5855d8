package io.docchat.http;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.port.AnswerModel;
import io.docchat.core.port.AnswerPrompt;
import io.docchat.core.port.AnswerStream;
import io.docchat.core.port.CitedSpan;
import java.util.List;

/**
 * An answer model whose backend fails: either it refuses the request outright, or it writes {@code deltasBeforeFailure}
 * words and then loses its connection, as a remote model can.
 */
final class FailingAnswerModel implements AnswerModel {
    private final boolean refuseAtOnce;
    private final int deltasBeforeFailure;

    FailingAnswerModel(boolean refuseAtOnce, int deltasBeforeFailure) {
        this.refuseAtOnce = refuseAtOnce;
        this.deltasBeforeFailure = deltasBeforeFailure;
    }

    @Override
    public AnswerStream answer(AnswerPrompt prompt) {
        if (refuseAtOnce) {
            throw new DocChatException(ErrorCode.MODEL_UNAVAILABLE, "the model backend refused the connection");
        }
        List<CitedSpan> citations = prompt.passages().isEmpty() ? List.of()
                : List.of(new CitedSpan(1, 0, prompt.passages().get(0).passage().text().length()));
        return new AnswerStream() {
            private int written;

            @Override
            public String nextDelta() {
                if (written < deltasBeforeFailure) {
                    return PacedAnswerModel.word(written++);
                }
                throw new DocChatException(ErrorCode.MODEL_UNAVAILABLE, "the model backend dropped the connection");
            }

            @Override
            public List<CitedSpan> citations() {
                return citations;
            }

            @Override
            public boolean citationsKnownUpFront() {
                return true;
            }

            @Override
            public void close() {
                written = Integer.MAX_VALUE;
            }
        };
    }
}
