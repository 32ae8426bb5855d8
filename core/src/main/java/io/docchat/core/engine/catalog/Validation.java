package io.docchat.core.engine.catalog;

import io.docchat.core.DocChatException;

/** Checks of request parameters shared by the services, each failing with the parameter's API name. */
public final class Validation {
    private Validation() {}

    /** The value trimmed; {@code MISSING_PARAMETER} when it is null or blank. */
    public static String required(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw DocChatException.missing(parameter);
        }
        return value.strip();
    }

    /** {@code INVALID_PARAMETER} when the value is longer than {@code max} characters. */
    public static String atMost(String parameter, String value, int max) {
        if (value.length() > max) {
            throw DocChatException.invalid(parameter, "must be at most " + max + " characters");
        }
        return value;
    }

    /**
     * {@code INVALID_PARAMETER} when the value holds a control character (C0, DEL, C1) or a bidirectional formatting
     * character: names are shown in terminals and listings, where the first act as commands and the second reorder
     * what is read.
     */
    public static String printable(String parameter, String value) {
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            if (Character.isISOControl(codePoint) || isBidiFormatting(codePoint)) {
                throw DocChatException.invalid(parameter, String.format(
                        "must not contain control or bidirectional formatting characters (found U+%04X)", codePoint));
            }
            i += Character.charCount(codePoint);
        }
        return value;
    }

    private static boolean isBidiFormatting(int codePoint) {
        return codePoint == 0x061C || codePoint == 0x200E || codePoint == 0x200F
                || (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    public static String account(String accountId) {
        return required("accountId", accountId);
    }
}
