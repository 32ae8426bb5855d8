package io.docchat.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docchat.core.model.Box;
import io.docchat.core.model.ChatItem;
import io.docchat.core.model.ChatStatus;
import io.docchat.core.model.Citation;
import io.docchat.core.model.CitedLine;
import io.docchat.core.model.CitedPage;
import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireMapperTest {
    private final ObjectMapper json = new ObjectMapper();
    private final SignedUrls urls = new SignedUrls("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII),
            Duration.ofHours(1), Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), "http://h:1");
    private final WireMapper wire = new WireMapper(json, urls, 2.0f, ZoneId.of("Asia/Shanghai"));

    @Test
    void citationsCarryOneBasedPageNumbersZeroBasedPageIdsAndPixelPolygons() {
        CitedPage page = new CitedPage(3, 595.3f, 841.9f, 90, List.of(
                new CitedLine(5, new Box(10.2f, 20.0f, 100.0f, 12.4f), "first line"),
                new CitedLine(6, null, "a line without geometry")));
        Citation citation = new Citation(77, "manual.pdf", 12, List.of(page), "first line");
        ChatItem item = new ChatItem("c1", "s1", "acme", "q?", "an answer", ChatStatus.COMPLETED, null, "f1",
                "Folder", List.of(citation), Instant.ofEpochMilli(1_700_000_000_123L));

        JsonNode node = json.valueToTree(wire.chatItem(item));
        assertThat(node.get("createTime").isIntegralNumber()).isTrue();
        assertThat(node.get("createTime").longValue()).isEqualTo(1_700_000_000_123L);
        assertThat(node.get("status").asText()).isEqualTo("COMPLETED");
        JsonNode ref = node.get("refDocList").get(0);
        assertThat(ref.get("docId").longValue()).isEqualTo(77);
        assertThat(ref.get("sourceType").asText()).isEqualTo("doc");
        assertThat(ref.get("docInfo").get("pages").isIntegralNumber()).isTrue();
        assertThat(ref.get("docInfo").get("pages").longValue()).isEqualTo(12);
        JsonNode info = ref.get("docInfo").get("pageListInfo").get(0);
        assertThat(info.get("pageIdCurDoc").intValue()).isEqualTo(2);
        assertThat(info.get("imageWidth").intValue()).isEqualTo(1191);
        assertThat(info.get("imageHeight").intValue()).isEqualTo(1684);
        assertThat(info.get("angle").isDouble()).isTrue();
        assertThat(info.get("angle").doubleValue()).isEqualTo(90.0);
        assertThat(info.get("imageUrl").asText()).startsWith("http://h:1/pages/acme/77/3.png?expires=");
        JsonNode pageNum = ref.get("pageNum").get(0);
        assertThat(pageNum.get("num").intValue()).isEqualTo(3);
        assertThat(pageNum.get("pos")).hasSize(1);
        assertThat(pageNum.get("pos").get(0).toString()).isEqualTo(
                "[{\"x\":20,\"y\":40},{\"x\":220,\"y\":40},{\"x\":220,\"y\":65},{\"x\":20,\"y\":65}]");
    }

    @Test
    void documentTimesAreIsoWithTheServerOffsetAndIdsAreNumbers() {
        Document document = new Document(5, "acme", "f1", "a.docx", "abc", 10, "k", DocumentStatus.PARSING_COMPLETED,
                2, null, List.of(), Instant.parse("2025-09-08T09:04:28Z"), Instant.parse("2025-09-08T09:05:00.5Z"));
        JsonNode node = json.valueToTree(wire.documentDetail(document, "Folder"));
        assertThat(node.get("id").isIntegralNumber()).isTrue();
        assertThat(node.get("jobId").asText()).isEqualTo("5");
        assertThat(node.get("createTime").asText()).isEqualTo("2025-09-08T17:04:28.000+08:00");
        assertThat(node.get("updateTime").asText()).isEqualTo("2025-09-08T17:05:00.500+08:00");
        assertThat(node.get("jobStatus").asText()).isEqualTo("PARSING_COMPLETED");
    }
}
