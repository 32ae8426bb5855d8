package io.docchat.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docchat.core.DocChat;
import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.model.ChatStatus;
import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.Folder;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.Session;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A tenant view acts for its account only, exactly as the account-first facade does. */
class AccountViewTest {
    private final DocChat docChat = DocChat.builder().build();

    @AfterEach
    void close() {
        docChat.close();
    }

    @Test
    void aViewWorksTheWholeFlowForItsAccountAndSeesNoOtherAccount() {
        AccountView acme = docChat.account(" acme ");
        AccountView other = docChat.account("other");

        Folder manuals = acme.folders().ensurePath("manuals");
        Document doc = acme.documents().submit(manuals.id(), "pump.txt",
                "Prime the pump by filling the housing with water.".getBytes(StandardCharsets.UTF_8));
        assertThat(acme.documents().awaitProcessed(doc.id(), Duration.ofSeconds(30)).status())
                .isEqualTo(DocumentStatus.PARSING_COMPLETED);
        Session session = acme.sessions().create(manuals.id(), "pumps", "ann");
        assertThat(acme.chat().ask(new ChatRequest(session.id(), "How do I prime the pump?")).status())
                .isEqualTo(ChatStatus.COMPLETED);

        assertThat(acme.accountId()).isEqualTo("acme");
        assertThat(docChat.folders().get("acme", manuals.id())).isEqualTo(manuals);
        assertThat(acme.documents().list(null, new PageRequest(1, 10)).items()).extracting(Document::id)
                .containsExactly(doc.id());
        assertThat(acme.documents().markdown(doc.id())).contains("Prime the pump");
        assertThat(acme.chat().history(session.id(), new PageRequest(1, 10)).items()).hasSize(1);
        assertThat(acme.retrieval().search(new RetrievalRequest("housing water", null, null, 5))).isNotEmpty();

        assertThat(other.folders().tree()).isEmpty();
        assertThat(other.sessions().list(null, null, new PageRequest(1, 10)).items()).isEmpty();
        assertThatThrownBy(() -> other.documents().get(doc.id()))
                .isInstanceOfSatisfying(DocChatException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.DOCUMENT_NOT_FOUND));
        assertThatThrownBy(() -> other.sessions().get(session.id()))
                .isInstanceOfSatisfying(DocChatException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SESSION_NOT_FOUND));
    }

    @Test
    void aBlankAccountIsRefusedWhenTheViewIsTaken() {
        assertThatThrownBy(() -> docChat.account(" "))
                .isInstanceOfSatisfying(DocChatException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MISSING_PARAMETER);
                    assertThat(e.parameter()).isEqualTo("accountId");
                });
    }

    @Test
    void aViewOfAClosedDocChatThrowsClosed() {
        AccountView view = docChat.account("acme");
        docChat.close();
        assertThatThrownBy(() -> view.folders().tree())
                .isInstanceOfSatisfying(DocChatException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CLOSED));
    }
}
