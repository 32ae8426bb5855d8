package io.docchat.http;

import io.docchat.core.port.AnswerModel;
import io.docchat.core.port.AnswerPrompt;
import io.docchat.core.port.AnswerStream;

/** Answers questions that start with {@code stall} with one model and every other question with another. */
final class ByQuestionAnswerModel implements AnswerModel {
    private final AnswerModel stalling;
    private final AnswerModel quick;

    ByQuestionAnswerModel(AnswerModel stalling, AnswerModel quick) {
        this.stalling = stalling;
        this.quick = quick;
    }

    @Override
    public AnswerStream answer(AnswerPrompt prompt) {
        return prompt.question().startsWith("stall") ? stalling.answer(prompt) : quick.answer(prompt);
    }
}
