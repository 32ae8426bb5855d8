package io.docchat.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.DocChat;
import io.docchat.core.api.AccountView;
import io.docchat.core.model.Account;
import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Installing the documents module gives the engine this module's parsers, ahead of the built-in text parser. */
class DocumentsModuleTest {

    @Test
    void anHtmlFileIsReadByTheHtmlParserOnceTheModuleIsInstalled() {
        byte[] html = "<html><body><h1>Pumps</h1><p>Prime the pump first.</p></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        try (DocChat docChat = DocChat.builder().install(DocumentsModule.standard()).build()) {
            AccountView me = docChat.account(Account.LOCAL);
            String folder = me.folders().create(null, "docs").id();
            Document doc = me.documents().submit(folder, "pumps.html", html);

            assertThat(me.documents().awaitProcessed(doc.id(), Duration.ofSeconds(30)).status())
                    .isEqualTo(DocumentStatus.PARSING_COMPLETED);
            assertThat(me.documents().markdown(doc.id())).contains("# Pumps").doesNotContain("<h1>");
        }
    }
}
