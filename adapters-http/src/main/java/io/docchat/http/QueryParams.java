package io.docchat.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The decoded query parameters of a request ({@code +} is a space); the first value of a repeated name wins. */
final class QueryParams {
    private final Map<String, String> values;

    private QueryParams(Map<String, String> values) {
        this.values = values;
    }

    static QueryParams parse(String rawQuery) {
        Map<String, String> values = new HashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String part : rawQuery.split("&")) {
                if (part.isEmpty()) {
                    continue;
                }
                int eq = part.indexOf('=');
                String key = decode(eq < 0 ? part : part.substring(0, eq));
                String value = eq < 0 ? "" : decode(part.substring(eq + 1));
                values.putIfAbsent(key, value);
            }
        }
        return new QueryParams(values);
    }

    String optional(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    String required(String name) {
        String value = optional(name);
        if (value == null) {
            throw ApiException.missing(name);
        }
        return value;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "InvalidParameter", "the query string has a malformed escape");
        }
    }
}
