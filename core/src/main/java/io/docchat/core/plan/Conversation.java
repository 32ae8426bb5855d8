package io.docchat.core.plan;

import io.docchat.core.model.QaTurn;
import java.util.List;

/** What a follow-up can refer to: the latest standalone question of a session and its subject. */
final class Conversation {

    private final String lastQuestion;
    private final String subject;

    private Conversation(String lastQuestion, String subject) {
        this.lastQuestion = lastQuestion;
        this.subject = subject;
    }

    /** Replays the history, resolving each follow-up against the turns before it. */
    static Conversation of(List<QaTurn> history) {
        String lastQuestion = null;
        String subject = null;
        for (QaTurn turn : history) {
            String q = turn.question();
            if (q == null || q.isBlank()) {
                continue;
            }
            String resolved = lastQuestion == null ? q : new Conversation(lastQuestion, subject).rewrite(q);
            String s = SubjectFinder.subject(resolved);
            if (s != null && !s.isBlank()) {
                subject = s;
                lastQuestion = resolved;
            } else if (lastQuestion == null) {
                lastQuestion = resolved;
            }
        }
        return new Conversation(lastQuestion, subject);
    }

    String rewrite(String question) {
        if (lastQuestion == null || subject == null || subject.isBlank()) {
            return question;
        }
        return FollowUpRewriter.rewrite(question, lastQuestion, subject);
    }
}
