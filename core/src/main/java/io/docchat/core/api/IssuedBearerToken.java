package io.docchat.core.api;

import io.docchat.core.model.BearerToken;

/**
 * A bearer token just issued: the token to hand to its user (never stored, never shown again) and what is stored.
 */
public record IssuedBearerToken(String token, BearerToken stored) {}
