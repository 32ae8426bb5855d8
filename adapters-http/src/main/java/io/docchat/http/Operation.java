package io.docchat.http;

/** One API operation behind a route. */
@FunctionalInterface
interface Operation {
    Reply handle(ApiRequest request);
}
