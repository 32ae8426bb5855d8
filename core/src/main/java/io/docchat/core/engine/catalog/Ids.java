package io.docchat.core.engine.catalog;

import java.util.UUID;

/** Identifiers the engine gives out: 32 lowercase hex characters, unguessable so ids never reveal another account's. */
public final class Ids {
    private Ids() {}

    public static String newId() {
        UUID uuid = UUID.randomUUID();
        return hex16(uuid.getMostSignificantBits()) + hex16(uuid.getLeastSignificantBits());
    }

    private static String hex16(long value) {
        String hex = Long.toHexString(value);
        return hex.length() == 16 ? hex : "0".repeat(16 - hex.length()) + hex;
    }
}
