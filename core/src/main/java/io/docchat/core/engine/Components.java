package io.docchat.core.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The components an engine owns, closed in the order given, each exactly once even when one object plays several
 * roles (a database that is both the knowledge store and the chat store).
 */
final class Components {
    private static final Logger log = LoggerFactory.getLogger(Components.class);

    private final List<Object> components = new ArrayList<>();

    /** Adds a component to close; objects that are not {@link AutoCloseable} are ignored. */
    Components add(Object component) {
        if (component instanceof AutoCloseable) {
            components.add(component);
        }
        return this;
    }

    Components addAll(List<?> many) {
        many.forEach(this::add);
        return this;
    }

    /** Closes every component once, in order; a failure is logged and does not stop the others. */
    void closeAll() {
        Set<Object> closed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Object component : components) {
            if (!closed.add(component)) {
                continue;
            }
            try {
                ((AutoCloseable) component).close();
            } catch (Exception e) {
                log.warn("Closing {} failed", component.getClass().getName(), e);
            }
        }
    }
}
