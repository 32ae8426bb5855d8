package io.docchat.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docchat.core.model.Box;
import io.docchat.core.model.Page;
import io.docchat.core.model.TextBlock;
import io.docchat.core.model.TextLine;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The parsed content of a document as the JSON text that GetDocumentParsingResult returns in {@code content} for
 * {@code returnFormat=json}: {@code {"pages":[{"pageNumber","width","height","rotation","blocks":[{"type","level",
 * "text","lines":[{"lineNumber","text","box":{"x","y","width","height"} or null}]}]}]}}. Line numbers count every
 * line of the page in order, as citations do.
 *
 * <p>The text is compact; numbers that are whole are written without a fraction ("842", not "842.0") and other
 * floats in their shortest form ("595.2"); NaN and infinities become null. Strings escape control characters in
 * lowercase hex, and U+2028, U+2029 and lone surrogates as {@code \}{@code uXXXX}, so the text is valid Unicode that
 * JavaScript can embed as it is.
 */
final class ParsedContentJson {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final ObjectMapper json;
    private final ObjectWriter writer;

    ParsedContentJson(ObjectMapper json) {
        this.json = json;
        this.writer = json.writer().without(JsonWriteFeature.WRITE_HEX_UPPER_CASE);
    }

    /** The pages as JSON text. */
    String write(List<Page> pages) {
        ObjectNode root = json.createObjectNode();
        ArrayNode pageNodes = root.putArray("pages");
        for (Page page : pages) {
            ObjectNode pageNode = pageNodes.addObject();
            pageNode.put("pageNumber", page.number());
            pageNode.set("width", number(page.width()));
            pageNode.set("height", number(page.height()));
            pageNode.put("rotation", page.rotation());
            ArrayNode blockNodes = pageNode.putArray("blocks");
            int lineNumber = 0;
            for (TextBlock block : page.blocks()) {
                ObjectNode blockNode = blockNodes.addObject();
                blockNode.put("type", block.type().name());
                blockNode.put("level", block.level());
                blockNode.put("text", block.text());
                ArrayNode lineNodes = blockNode.putArray("lines");
                for (TextLine line : block.lines()) {
                    lineNumber++;
                    ObjectNode lineNode = lineNodes.addObject();
                    lineNode.put("lineNumber", lineNumber);
                    lineNode.put("text", line.text());
                    lineNode.set("box", box(line.box()));
                }
            }
        }
        try {
            return escapeOutsideAscii(writer.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a tree of plain values always serialises", e);
        }
    }

    private JsonNode box(Box box) {
        if (box == null) {
            return NullNode.getInstance();
        }
        ObjectNode node = json.createObjectNode();
        node.set("x", number(box.x()));
        node.set("y", number(box.y()));
        node.set("width", number(box.width()));
        node.set("height", number(box.height()));
        return node;
    }

    private static JsonNode number(float value) {
        if (Float.isNaN(value) || Float.isInfinite(value)) {
            return NullNode.getInstance();
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15f) {
            return LongNode.valueOf((long) value);
        }
        return FloatNode.valueOf(value);
    }

    /**
     * Escapes U+2028, U+2029 and lone surrogates, which Jackson writes as they are. Every character outside ASCII in
     * JSON text lies inside a string literal, so the replacement never touches the structure.
     */
    private static String escapeOutsideAscii(String text) {
        StringBuilder out = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            boolean escape = c == '\u2028' || c == '\u2029' || Character.isSurrogate(c);
            if (escape && out == null) {
                out = new StringBuilder(n + 16).append(text, 0, i);
            }
            if (out != null) {
                if (escape) {
                    out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                            .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
