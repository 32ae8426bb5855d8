package io.docchat.core.port;

import io.docchat.core.model.QaTurn;
import java.util.List;

/** Turns a question, which may be a follow-up, into a standalone question for retrieval and answering. */
public interface QueryPlanner {

    /**
     * @param history recent Q&A pairs of the session, oldest first
     * @return the question made self-contained; the question itself when it already is
     */
    String standalone(String question, List<QaTurn> history);
}
