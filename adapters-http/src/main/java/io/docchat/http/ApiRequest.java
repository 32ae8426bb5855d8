package io.docchat.http;

/**
 * An authenticated request, its body read in full.
 *
 * @param accountId the caller's account: every operation acts within it
 * @param headers   the request headers
 * @param response  where an operation that streams its answer writes it
 * @param json      the body as a JSON object (empty for operations whose body is not JSON)
 */
record ApiRequest(String requestId, String accountId, RequestHeaders headers, ResponseChannel response,
                  QueryParams query, byte[] body, JsonBody json) {

    String header(String name) {
        return headers.first(name);
    }
}
