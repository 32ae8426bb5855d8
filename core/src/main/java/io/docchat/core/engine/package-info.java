/**
 * The engine behind the {@link io.docchat.core.DocChat} facade: the wiring ({@code Engine} fills in defaults and
 * starts the services, {@code EngineDocChat} owns and closes them). Each flow has its own package:
 *
 * <ul>
 *   <li>{@link io.docchat.core.engine.ingest} — submitting documents, parsing them in the background, chunking, and
 *       writing pages and passages to the store;
 *   <li>{@link io.docchat.core.engine.index} — keeping the passage index in step with the store's change log;
 *   <li>{@link io.docchat.core.engine.chat} — retrieval, asking and chatting, and the citations of an answer;
 *   <li>{@link io.docchat.core.engine.catalog} — folders and sessions of an account, and the identifiers and
 *       parameter checks the other flows share.
 * </ul>
 *
 * <p>Classes in these packages are public only so that the wiring here can build them; nothing outside
 * {@code io.docchat.core.engine} may use them (an architecture test keeps it so).
 */
package io.docchat.core.engine;
