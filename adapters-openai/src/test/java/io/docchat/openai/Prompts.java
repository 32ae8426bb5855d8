package io.docchat.openai;

import io.docchat.core.model.Passage;
import io.docchat.core.model.QaTurn;
import io.docchat.core.port.AnswerPrompt;
import io.docchat.core.port.PromptPassage;
import java.util.ArrayList;
import java.util.List;

/** Prompts for tests. */
final class Prompts {
    private Prompts() {}

    static AnswerPrompt withPassages(String question, List<QaTurn> history, String... texts) {
        List<PromptPassage> passages = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            Passage p = new Passage(100 + i, 7 + i, "acct", "f1", 0, texts[i], List.of("Specs"), List.of());
            passages.add(new PromptPassage(i + 1, p, "manual-" + (i + 1) + ".pdf"));
        }
        return new AnswerPrompt(question, question, history, passages);
    }

    static AnswerPrompt pumpPrompt() {
        return withPassages("What is the maximum flow rate?", List.of(),
                "The ZX-9 pump delivers a maximum flow rate of 30 cubic metres per hour.",
                "The ZX-9 pump costs 1,200 euros.");
    }
}
