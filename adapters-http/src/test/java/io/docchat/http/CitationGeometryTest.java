package io.docchat.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Citations of a laid-out document over HTTP: the page image behind the signed imageUrl has exactly the advertised
 * size, and each cited line's polygon is its box in that image's pixels.
 */
class CitationGeometryTest {

    @Test
    void polygonsAndPageImagesAgree() throws Exception {
        try (TestServer server = new TestServer(
                b -> b.parser(new LaidOutTextParser()).pageRenderer(new BlankPageRenderer()), c -> c, true)) {
            ApiClient acme = server.acme();
            String folderId = acme.post("/api/v1/aidoc/folder/add", "AddFolder",
                    Map.of("folderName", "laid out", "parentFolderId", "0")).data().get("folderId").asText();
            String text = "Safety instructions for the pump room.\n"
                    + "Wear ear protection near running pumps.\n"
                    + "The flywheel guard must stay closed while the motor turns.\n"
                    + "Report oil leaks to the shift supervisor.";
            String taskId = BadInputTest.uploadAs(acme, folderId, "rules.layout", text.getBytes(StandardCharsets.UTF_8))
                    .data().get("taskId").asText();
            server.docChat.documents().awaitProcessed("acme", Long.parseLong(taskId), Duration.ofSeconds(30));
            String sessionId = acme.post("/api/v2/aidoc/document/chat/session/create", "CreateChatSession",
                    Map.of("folderId", folderId, "name", "rules")).data().get("sessionId").asText();

            JsonNode item = acme.post("/api/v2/aidoc/document/chat", "Chat",
                    Map.of("sessionId", sessionId, "question", "Must the flywheel guard stay closed?")).data();
            JsonNode ref = item.get("refDocList").get(0);
            float scale = server.docChat.documents().imageScale();
            JsonNode info = ref.get("docInfo").get("pageListInfo").get(0);
            assertThat(info.get("pageIdCurDoc").intValue()).isZero();
            assertThat(info.get("imageWidth").intValue()).isEqualTo(Math.round(LaidOutTextParser.PAGE_WIDTH * scale));
            assertThat(info.get("imageHeight").intValue()).isEqualTo(Math.round(LaidOutTextParser.PAGE_HEIGHT * scale));
            assertThat(info.get("angle").doubleValue()).isZero();

            HttpResponse<byte[]> png = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(info.get("imageUrl").asText())).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(png.statusCode()).isEqualTo(200);
            assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
            assertThat(image.getWidth()).isEqualTo(info.get("imageWidth").intValue());
            assertThat(image.getHeight()).isEqualTo(info.get("imageHeight").intValue());

            JsonNode pageNum = ref.get("pageNum").get(0);
            assertThat(pageNum.get("num").intValue()).isEqualTo(1);
            assertThat(pageNum.get("pos")).isNotEmpty();
            for (JsonNode polygon : pageNum.get("pos")) {
                assertThat(polygon).hasSize(4);
                int left = polygon.get(0).get("x").intValue();
                int top = polygon.get(0).get("y").intValue();
                assertThat(left).isEqualTo(Math.round(72 * scale));
                assertThat(polygon.get(1).get("x").intValue()).isEqualTo(Math.round(472 * scale));
                assertThat(polygon.get(1).get("y").intValue()).isEqualTo(top);
                assertThat(polygon.get(2).get("x").intValue()).isEqualTo(polygon.get(1).get("x").intValue());
                assertThat(polygon.get(2).get("y").intValue()).isGreaterThan(top);
                assertThat(polygon.get(3).get("x").intValue()).isEqualTo(left);
                assertThat(polygon.get(3).get("y").intValue()).isEqualTo(polygon.get(2).get("y").intValue());
                // Every polygon is one of the document's line boxes, scaled.
                int lineIndex = Math.round((top / scale - 72) / 14);
                assertThat(top).isEqualTo(Math.round(LaidOutTextParser.lineBox(lineIndex).y() * scale));
                assertThat(polygon.get(2).get("y").intValue())
                        .isLessThanOrEqualTo(image.getHeight());
            }
            String flywheelTop = Integer.toString(Math.round(LaidOutTextParser.lineBox(2).y() * scale));
            assertThat(pageNum.get("pos").toString()).contains("\"y\":" + flywheelTop);
        }
    }
}
