/**
 * The index-sync flow: the store is the truth and the passage index is derived from it; the index is brought up to
 * the store's change log at start, then by a background thread in bounded batches, and can be rebuilt. Documents are
 * reported complete only once the index has them, so readers never wait for indexing.
 */
package io.docchat.core.engine.index;
