package io.ganaka.auth;

import java.time.Instant;

/**
 * What the store keeps for one refresh token. {@code familyId} groups a login's chain of rotated tokens, so that
 * reuse of a rotated token can revoke the whole chain.
 */
public record RefreshTokenRecord(String userId, String familyId, Instant issuedAt) {}
