package io.docchat.evaluation.bench;

import io.docchat.core.DocChat;
import io.docchat.core.answer.Evidence;
import io.docchat.core.answer.ExtractiveAnswerModel;
import io.docchat.core.api.RetrievalRequest;
import io.docchat.core.api.RetrievedPassage;
import io.docchat.core.model.Account;
import io.docchat.core.model.Folder;
import io.docchat.core.port.AnswerPrompt;
import io.docchat.core.port.PromptPassage;
import io.docchat.evaluation.QaSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Prints answerable questions whose evidence is below a threshold, with their top passage. Not a unit test. */
public final class LowEvidence {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int sample = Integer.parseInt(args[1]);
        double threshold = Double.parseDouble(args[2]);
        boolean impossible = args.length > 3 && args[3].equals("impossible");
        QaSet set = QaSet.load("s", dir.resolve("passages.jsonl"), dir.resolve("questions.jsonl"));
        ExtractiveAnswerModel model = new ExtractiveAnswerModel(threshold);
        try (DocChat docChat = DocChat.builder().build()) {
            Folder folder = docChat.folders().ensurePath(Account.LOCAL, "s");
            List<Long> ids = new ArrayList<>();
            for (QaSet.Passage p : set.passages()) {
                ids.add(docChat.documents().submit(Account.LOCAL, folder.id(), p.pid() + ".txt",
                        p.text().getBytes(StandardCharsets.UTF_8)).id());
            }
            for (long id : ids) {
                docChat.documents().awaitProcessed(Account.LOCAL, id, Duration.ofMinutes(1));
            }
            for (QaSet.Question q : set.sample(sample, 42)) {
                if (q.impossible() != impossible) {
                    continue;
                }
                List<RetrievedPassage> hits = docChat.retrieval().search(Account.LOCAL,
                        new RetrievalRequest(q.question(), Set.of(folder.id()), Set.of(), 5));
                List<PromptPassage> passages = new ArrayList<>();
                for (RetrievedPassage h : hits) {
                    passages.add(new PromptPassage(passages.size() + 1, h.passage(), h.document().fileName()));
                }
                Evidence e = model.evidence(new AnswerPrompt(q.question(), q.question(), List.of(), passages));
                if (e.score() < threshold) {
                    System.out.printf("%.3f %.3f | %s | gold %s | top %s: %s%n", e.sentenceCoverage(), e.passageCoverage(),
                            q.question(), q.answers(), hits.isEmpty() ? "-" : hits.get(0).document().fileName(),
                            hits.isEmpty() ? "" : hits.get(0).passage().text().substring(0,
                                    Math.min(160, hits.get(0).passage().text().length())));
                }
            }
        }
    }
}
