package io.docchat.core;

/**
 * A backend packaged for {@link DocChatBuilder#install(DocChatModule)}: it contributes its components (stores, index,
 * parsers, renderers, models) to the builder and owns the resources behind them, such as a database both stores share.
 * The {@link DocChat} built with it closes it after the components, so a module may close what its components use.
 *
 * <pre>{@code
 * DocChat docChat = DocChat.builder()
 *         .install(SqliteStorage.open(home.resolve("docchat.db")))   // the three stores and their database
 *         .install(DocumentsModule.standard())                      // parsers and the page renderer
 *         .build();
 * }</pre>
 */
public interface DocChatModule extends AutoCloseable {

    /** Adds this module's components to the builder. Called once, by {@code install}. */
    void contributeTo(DocChatBuilder builder);

    /** Releases what the module owns; called once by the {@link DocChat}, after its components are closed. */
    @Override
    default void close() {}
}
