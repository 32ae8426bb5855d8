/**
 * The chat flow: a question is planned into a query, passages are retrieved within the session's scope, the answer
 * model streams the answer, and the citations and the stored Q&amp;A pair are built from the retrieved passages. Also
 * plain retrieval without an answer.
 */
package io.docchat.core.engine.chat;
