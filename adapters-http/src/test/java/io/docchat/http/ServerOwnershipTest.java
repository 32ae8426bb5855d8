package io.docchat.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docchat.core.DocChat;
import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.model.Account;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server drives a DocChat it does not own: its owner closes it, after the server. */
class ServerOwnershipTest {

    @Test
    void closingTheServerLeavesTheDocChatToItsOwner() {
        DocChat docChat = DocChat.builder().build();
        DocChatHttpServer server = DocChatHttpServer.start(docChat, HttpServerConfig.defaults().withPort(0));
        assertThat(ApiClient.anonymous(server.baseUri()).post("/api/v1/aidoc/folder/add", "AddFolder",
                Map.of("folderName", "kept", "parentFolderId", "0")).status()).isEqualTo(200);

        server.close();
        server.close();

        assertThat(docChat.folders().tree(Account.LOCAL)).hasSize(1);
        docChat.close();
        assertThatThrownBy(() -> docChat.folders().tree(Account.LOCAL))
                .isInstanceOfSatisfying(DocChatException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CLOSED));
    }

    @Test
    void aServerThatFailsToStartLeavesTheDocChatToItsCaller() {
        try (DocChat docChat = DocChat.builder().build()) {
            assertThatThrownBy(() -> DocChatHttpServer.start(docChat,
                    HttpServerConfig.defaults().withHost("0.0.0.0").withPort(0)))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(docChat.folders().tree(Account.LOCAL)).isEmpty();
        }
    }
}
