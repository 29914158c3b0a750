package io.ganaka.api.auth;

/** The tokens handed out at sign-in; {@code expiresIn} is the access token's lifetime in seconds. */
public record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {}
