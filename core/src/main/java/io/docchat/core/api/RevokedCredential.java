package io.docchat.core.api;

/** The credential that {@link Accounts#revoke(String)} removed. */
public sealed interface RevokedCredential {

    /** An AccessKey pair, by its AccessKeyId. */
    record AccessKeyRevoked(String accessKeyId) implements RevokedCredential {}

    /** A bearer token, by the hash under which it was stored. */
    record BearerTokenRevoked(String tokenHash) implements RevokedCredential {}
}
