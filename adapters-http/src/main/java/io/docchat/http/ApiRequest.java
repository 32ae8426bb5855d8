package io.docchat.http;

import com.sun.net.httpserver.HttpExchange;

/**
 * An authenticated request, its body read in full.
 *
 * @param accountId the caller's account: every operation acts within it
 * @param json      the body as a JSON object (empty for operations whose body is not JSON)
 */
record ApiRequest(String requestId, String accountId, HttpExchange exchange, QueryParams query, byte[] body,
                  JsonBody json) {

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }
}
