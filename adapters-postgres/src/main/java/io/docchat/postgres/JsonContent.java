package io.docchat.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.docchat.core.model.Citation;
import io.docchat.core.model.PassageLine;
import io.docchat.core.model.PassagePage;
import io.docchat.core.model.TextBlock;
import java.util.List;

/**
 * The JSON form (stored as {@code jsonb}) of the lists a row carries: a page's blocks and lines, a passage's lines
 * (with their page text), pages, heading paths and warnings, and a chat item's citation snapshot. The model's records map directly; floats are written
 * in their shortest exact form, so boxes come back bit for bit.
 */
final class JsonContent {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final TypeReference<List<TextBlock>> BLOCKS = new TypeReference<>() {};
    private static final TypeReference<List<PassageLine>> LINES = new TypeReference<>() {};
    private static final TypeReference<List<PassagePage>> PAGES = new TypeReference<>() {};
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<Citation>> CITATIONS = new TypeReference<>() {};

    private JsonContent() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write stored content as JSON", e);
        }
    }

    static List<TextBlock> blocks(String json) {
        return read(json, BLOCKS);
    }

    static List<PassageLine> passageLines(String json) {
        return read(json, LINES);
    }

    static List<PassagePage> passagePages(String json) {
        return json == null ? List.of() : read(json, PAGES);
    }

    static List<String> strings(String json) {
        return json == null ? List.of() : read(json, STRINGS);
    }

    static List<Citation> citations(String json) {
        return read(json, CITATIONS);
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored content is not valid JSON of the expected shape", e);
        }
    }
}
