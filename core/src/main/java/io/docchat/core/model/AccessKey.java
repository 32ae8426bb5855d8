package io.docchat.core.model;

import java.time.Instant;

/**
 * An AccessKeyId/AccessKeySecret pair of an account. The secret is kept because request signatures (HMAC) can only
 * be verified with it.
 */
public record AccessKey(String accessKeyId, String accountId, String secret, Instant createdAt) {}
