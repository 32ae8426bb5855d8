package io.docchat.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docchat.core.DocChat;
import io.docchat.core.DocChatBuilder;
import io.docchat.core.DocChatException;
import io.docchat.core.DocChatModule;
import io.docchat.core.ErrorCode;
import io.docchat.core.model.Account;
import io.docchat.core.port.DocumentParser;
import io.docchat.core.port.ParseResult;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One ownership rule: a DocChat owns what it was built from, a builder builds once, a closed DocChat serves nothing. */
class OwnershipTest {

    @Test
    void aBuilderBuildsOneDocChat() {
        DocChatBuilder builder = DocChat.builder();
        try (DocChat first = builder.build()) {
            assertThatThrownBy(builder::build)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already built");
            assertThat(first.folders().tree(Account.LOCAL)).isEmpty();
        }
    }

    @Test
    void closingTwiceIsHarmlessAndClosesComponentsOnce() {
        AtomicInteger closes = new AtomicInteger();
        DocChat docChat = DocChat.builder().parser(new CountingParser(closes)).build();
        docChat.close();
        docChat.close();
        assertThat(closes).hasValue(1);
    }

    @Test
    void anInstalledModuleContributesItsComponentsAndIsClosedAfterThem() {
        List<String> closed = new ArrayList<>();
        DocChatModule module = new DocChatModule() {
            @Override
            public void contributeTo(DocChatBuilder builder) {
                builder.parser(new NamedParser("parser", closed));
            }

            @Override
            public void close() {
                closed.add("module");
            }
        };
        DocChat docChat = DocChat.builder().install(module).build();
        docChat.close();
        assertThat(closed).containsExactly("parser", "module");
    }

    static Stream<Arguments> views() {
        List<Arguments> views = new ArrayList<>();
        List<Function<DocChat, Object>> getters = List.of(
                DocChat::folders, DocChat::documents, DocChat::sessions, DocChat::chat, DocChat::retrieval,
                DocChat::accounts);
        for (Function<DocChat, Object> getter : getters) {
            try (DocChat probe = DocChat.builder().build()) {
                Class<?> facade = getter.apply(probe).getClass().getInterfaces()[0];
                for (Method method : facade.getMethods()) {
                    views.add(Arguments.of(facade.getSimpleName() + "." + method.getName(), getter, method));
                }
            }
        }
        return views.stream();
    }

    /** Every method of every view, on a view obtained before the close, throws CLOSED whatever its arguments. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("views")
    void everyCallAfterCloseThrowsClosed(String name, Function<DocChat, Object> getter, Method method) {
        DocChat docChat = DocChat.builder().build();
        Object view = getter.apply(docChat);
        docChat.close();

        assertThatThrownBy(() -> invoke(method, view))
                .isInstanceOfSatisfying(DocChatException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CLOSED));
        assertThatThrownBy(() -> getter.apply(docChat))
                .isInstanceOfSatisfying(DocChatException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CLOSED));
    }

    @Test
    void reindexAfterCloseThrowsClosed() {
        DocChat docChat = DocChat.builder().build();
        docChat.close();
        assertThatThrownBy(docChat::reindex)
                .isInstanceOfSatisfying(DocChatException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CLOSED));
    }

    private static void invoke(Method method, Object target) throws Throwable {
        Object[] args = new Object[method.getParameterCount()];
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < args.length; i++) {
            args[i] = defaultValue(types[i]);
        }
        try {
            method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        } else if (type == long.class) {
            return 0L;
        } else if (type == int.class) {
            return 0;
        } else if (type == float.class) {
            return 0f;
        } else if (type == double.class) {
            return 0d;
        }
        return null;
    }

    /** A parser that holds a resource: records its name when closed. */
    private record NamedParser(String name, List<String> closed) implements DocumentParser, AutoCloseable {
        @Override
        public boolean accepts(String fileName, byte[] content) {
            return false;
        }

        @Override
        public ParseResult parse(String fileName, byte[] content) {
            throw new UnsupportedOperationException("accepts nothing");
        }

        @Override
        public void close() {
            closed.add(name);
        }
    }

    /** A parser that holds a resource: counts how often it is closed. */
    private record CountingParser(AtomicInteger closes) implements DocumentParser, AutoCloseable {
        @Override
        public boolean accepts(String fileName, byte[] content) {
            return false;
        }

        @Override
        public ParseResult parse(String fileName, byte[] content) {
            throw new UnsupportedOperationException("accepts nothing");
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }
}
