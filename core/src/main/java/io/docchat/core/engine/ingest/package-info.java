/**
 * The ingest flow: a submitted file is stored, its document recorded as {@code PENDING}, and a background queue
 * parses it (with a time limit), chunks it into passages and writes pages and passages to the store in one
 * transaction before the index catches up. Also the rest of the documents use case (status, content, files, page
 * images).
 */
package io.docchat.core.engine.ingest;
