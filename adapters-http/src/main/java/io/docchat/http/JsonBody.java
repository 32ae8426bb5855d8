package io.docchat.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The JSON object of a request body with typed, validating access to its fields. A field of the wrong type is a
 * 400 {@code InvalidParameter.<Field>}; a required field that is absent, null or blank is {@code MissingParameter}.
 * Unknown fields are ignored, as the SDKs ignore unknown response fields.
 */
final class JsonBody {
    private final ObjectNode object;

    private JsonBody(ObjectNode object) {
        this.object = object;
    }

    /** An empty body is an empty object: several operations send none. */
    static JsonBody parse(ObjectMapper mapper, byte[] body) {
        if (isBlank(body)) {
            return new JsonBody(mapper.createObjectNode());
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (JacksonException e) {
            throw ApiException.invalidBody("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.invalidBody("the body could not be read");
        }
        if (node == null || node.isMissingNode()) {
            return new JsonBody(mapper.createObjectNode());
        }
        if (!(node instanceof ObjectNode objectNode)) {
            throw ApiException.invalidBody("the body must be a JSON object");
        }
        return new JsonBody(objectNode);
    }

    String requiredString(String name) {
        String value = optionalString(name);
        if (value == null || value.isBlank()) {
            throw ApiException.missing(name);
        }
        return value;
    }

    /** The text of a string field, or null when absent or null. */
    String optionalString(String name) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        // Ids typed as strings may arrive as numbers from hand-written clients; their text is unambiguous.
        if (node.isIntegralNumber()) {
            return node.asText();
        }
        throw ApiException.invalid(name, "must be a string");
    }

    /** A 32-bit integer given as a JSON number or a numeric string, or {@code defaultValue} when absent. */
    int integer(String name, int defaultValue) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isTextual()) {
            String text = node.textValue().trim();
            if (text.isEmpty()) {
                return defaultValue;
            }
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw ApiException.invalid(name, "must be an integer");
            }
        }
        throw ApiException.invalid(name, "must be an integer");
    }

    Boolean optionalBoolean(String name) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        throw ApiException.invalid(name, "must be true or false");
    }

    Double optionalNumber(String name) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        throw ApiException.invalid(name, "must be a number");
    }

    /** A list of strings; absent or null is empty. */
    List<String> stringList(String name) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw ApiException.invalid(name, "must be a list of strings");
        }
        List<String> values = new ArrayList<>(node.size());
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                throw ApiException.invalid(name, "must be a list of strings");
            }
            values.add(element.textValue());
        }
        return values;
    }

    /** A set of 64-bit ids given as numbers or numeric strings; absent or null is empty. */
    Set<Long> longSet(String name) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return Set.of();
        }
        if (!node.isArray()) {
            throw ApiException.invalid(name, "must be a list of integers");
        }
        Set<Long> values = new LinkedHashSet<>();
        for (JsonNode element : node) {
            if (element.isIntegralNumber() && element.canConvertToLong()) {
                values.add(element.longValue());
            } else if (element.isTextual()) {
                try {
                    values.add(Long.parseLong(element.textValue().trim()));
                } catch (NumberFormatException e) {
                    throw ApiException.invalid(name, "must be a list of integers");
                }
            } else {
                throw ApiException.invalid(name, "must be a list of integers");
            }
        }
        return values;
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
