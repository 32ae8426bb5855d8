package io.docchat.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.api.RetrievalRequest;
import io.docchat.core.model.Account;
import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.Folder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A document is never half visible: once its status says {@code PARSING_COMPLETED}, as a client polling the status
 * sees it, every one of its passages is searchable.
 */
class CompletedDocumentVisibilityTest {

    private static final int DOCUMENTS = 10;
    private static final int PARAGRAPHS = 200;
    private static final Duration PROCESSING_LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path temporary;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void documentReportedCompleteIsSearchableAtOnce() {
        List<String> missed = new ArrayList<>();
        try (RecoveryStack stack = RecoveryStack.open(temporary)) {
            Folder folder = stack.docChat().folders().ensurePath(Account.LOCAL, "visibility");
            for (int index = 0; index < DOCUMENTS; index++) {
                TestCorpus.GeneratedDocument generated = TestCorpus.longText(11, index, PARAGRAPHS);
                Document document = stack.docChat().documents().submit(Account.LOCAL, folder.id(),
                        generated.fileName(), generated.content());
                Document seen = pollUntilFinal(stack, document.id());
                assertThat(seen.status()).as("status of %s", generated.fileName())
                        .isEqualTo(DocumentStatus.PARSING_COMPLETED);
                // The very next request after the status said complete, as a client would make it.
                boolean found = !stack.docChat().retrieval().search(Account.LOCAL,
                        new RetrievalRequest(generated.marker(), Set.of(), Set.of(document.id()), 10)).isEmpty();
                if (!found) {
                    missed.add(generated.fileName());
                }
            }
        }
        assertThat(missed).as("documents reported complete whose marker was not found right after").isEmpty();
    }

    /** Reads the status in a tight loop, as fast as a client could, until it is final. */
    private static Document pollUntilFinal(RecoveryStack stack, long documentId) {
        long deadline = System.nanoTime() + PROCESSING_LIMIT.toNanos();
        Document document = stack.docChat().documents().get(Account.LOCAL, documentId);
        while (!document.status().isFinal() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            document = stack.docChat().documents().get(Account.LOCAL, documentId);
        }
        return document;
    }
}
