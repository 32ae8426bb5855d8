/**
 * The index-sync flow: the store is the truth and the passage index is derived from it; the index is brought up to
 * the store's change log on start, after writes and before searches that must see them, and can be rebuilt.
 */
package io.docchat.core.engine.index;
