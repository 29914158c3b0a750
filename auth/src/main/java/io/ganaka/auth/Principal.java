package io.ganaka.auth;

import java.time.Instant;

/** Who is calling, as proven by a verified access token. */
public record Principal(String userId, String role, String tokenId, Instant expiresAt) {}
