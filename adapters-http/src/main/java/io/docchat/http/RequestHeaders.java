package io.docchat.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The headers of a request, looked up without regard to case, in the order they arrived. Independent of the HTTP
 * server, so that authentication and validation do not depend on the transport.
 */
final class RequestHeaders {
    private final Map<String, List<String>> values;

    private RequestHeaders(Map<String, List<String>> values) {
        this.values = values;
    }

    /** Builds the view from (name, value) pairs as received. */
    static RequestHeaders of(Iterable<Map.Entry<String, String>> fields) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : fields) {
            values.computeIfAbsent(field.getKey().toLowerCase(Locale.ROOT), name -> new ArrayList<>(1))
                    .add(field.getValue());
        }
        return new RequestHeaders(values);
    }

    /** The first value of the header, or null. */
    String first(String name) {
        List<String> all = values.get(name.toLowerCase(Locale.ROOT));
        return all == null ? null : all.get(0);
    }

    /** Every value of the header in arrival order, or null when it was not sent. */
    List<String> all(String name) {
        return values.get(name.toLowerCase(Locale.ROOT));
    }

    /** The names sent, lowercase. */
    Set<String> names() {
        return values.keySet();
    }
}
