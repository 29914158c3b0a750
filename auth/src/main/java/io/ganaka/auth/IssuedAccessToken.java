package io.ganaka.auth;

import java.time.Instant;

/** A freshly signed access token with its id ({@code jti}) and expiry. */
public record IssuedAccessToken(String token, String tokenId, Instant expiresAt) {}
