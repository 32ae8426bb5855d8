/** Cutting parsed pages into passages of whole sentences that keep their lines' positions, for indexing and citing. */
package io.docchat.core.text.chunking;
