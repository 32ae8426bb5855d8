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

    public static String account(String accountId) {
        return required("accountId", accountId);
    }
}
