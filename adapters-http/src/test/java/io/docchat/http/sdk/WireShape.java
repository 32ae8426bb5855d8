package io.docchat.http.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks the JSON type of each field of a response body as the SDK runtime parsed it. The Java runtime's model
 * mapping converts leniently (a numeric string fills a {@code Long}), but the Go and TypeScript SDKs decode strictly,
 * so a number must arrive as a JSON number and a string as a JSON string. The runtime's parser keeps that
 * difference: integers come out as {@link Long}, decimals as {@link Double}, strings as {@link String}.
 */
final class WireShape {
    /** {@code 2025-09-08T17:04:28.000+08:00}: milliseconds and an explicit offset, as DocumentDetailItem carries. */
    private static final Pattern ISO_WITH_OFFSET =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}([+-]\\d{2}:\\d{2}|Z)");

    private WireShape() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> asObject(Object value, String where) {
        if (!(value instanceof Map)) {
            fail(where + " must be a JSON object but was " + describe(value));
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object value, String where) {
        if (!(value instanceof List)) {
            fail(where + " must be a JSON array but was " + describe(value));
        }
        return (List<Object>) value;
    }

    static Map<String, Object> object(Map<String, ?> node, String field) {
        return asObject(present(node, field), field);
    }

    static List<Object> list(Map<String, ?> node, String field) {
        return asList(present(node, field), field);
    }

    static String string(Map<String, ?> node, String field) {
        Object value = present(node, field);
        if (!(value instanceof String)) {
            fail(field + " must be a JSON string but was " + describe(value));
        }
        return (String) value;
    }

    /** A string field the API may leave null (reserved fields, the image of a page without one). */
    static String stringOrNull(Map<String, ?> node, String field) {
        Object value = node.get(field);
        if (value != null && !(value instanceof String)) {
            fail(field + " must be a JSON string or null but was " + describe(value));
        }
        return (String) value;
    }

    /** An integer field (the SDKs type it i32 or i64): a JSON number without a fraction. */
    static long integer(Map<String, ?> node, String field) {
        Object value = present(node, field);
        if (!(value instanceof Long)) {
            fail(field + " must be a JSON integer but was " + describe(value));
        }
        return (Long) value;
    }

    /** A floating-point field (f32/f64): any JSON number. */
    static double number(Map<String, ?> node, String field) {
        Object value = present(node, field);
        if (!(value instanceof Number)) {
            fail(field + " must be a JSON number but was " + describe(value));
        }
        return ((Number) value).doubleValue();
    }

    static boolean bool(Map<String, ?> node, String field) {
        Object value = present(node, field);
        if (!(value instanceof Boolean)) {
            fail(field + " must be true or false but was " + describe(value));
        }
        return (Boolean) value;
    }

    /** An ISO-8601 time with milliseconds and offset, which also parses as an {@link OffsetDateTime}. */
    static OffsetDateTime isoTime(Map<String, ?> node, String field) {
        String text = string(node, field);
        assertThat(text).as(field).matches(ISO_WITH_OFFSET);
        return OffsetDateTime.parse(text);
    }

    private static Object present(Map<String, ?> node, String field) {
        if (!node.containsKey(field) || node.get(field) == null) {
            fail(field + " is missing from " + node.keySet());
        }
        return node.get(field);
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
    }
}
