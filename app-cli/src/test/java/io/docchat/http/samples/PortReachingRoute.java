package io.docchat.http.samples;

import io.docchat.core.port.PassageIndex;

/** An HTTP route that breaks the facade rule on purpose, so that the rule can be shown to catch it. */
public final class PortReachingRoute {

    public long highWaterMark(PassageIndex index) {
        return index.hashCode();
    }
}
