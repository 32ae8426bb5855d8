package io.docchat.http;

/**
 * An operation at a method and path.
 *
 * @param action the operation name the SDKs send in {@code x-acs-action}
 * @param body   how the request body is read
 */
record Route(String method, String path, String action, BodyKind body, Operation operation) {

    enum BodyKind {
        /** A JSON object, or nothing, within the ordinary body limit. */
        JSON,
        /** Raw file bytes within the upload limit. */
        UPLOAD,
        /** Parameters come in the query; any body is read (within the ordinary limit) only to check its hash. */
        QUERY_ONLY
    }
}
