package io.docchat.core.engine;

import io.docchat.core.DocChatException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Puts a facade interface behind the engine's open/closed state: once the engine is closed, every call throws
 * {@link DocChatException} with {@code CLOSED}, also on views that callers obtained before the close. A proxy keeps
 * the rule in one place for every method, present and future, of every facade interface.
 */
final class ClosedGuard implements InvocationHandler {
    private final Object target;
    private final AtomicBoolean closed;

    private ClosedGuard(Object target, AtomicBoolean closed) {
        this.target = target;
        this.closed = closed;
    }

    /** {@code target} seen through {@code facade}, refusing calls once {@code closed} is set. */
    static <T> T guard(Class<T> facade, T target, AtomicBoolean closed) {
        return facade.cast(Proxy.newProxyInstance(
                facade.getClassLoader(), new Class<?>[] {facade}, new ClosedGuard(target, closed)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "guarded " + target;
            };
        }
        if (closed.get()) {
            throw DocChatException.closed();
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
