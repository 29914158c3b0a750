package io.ganaka.api.auth;

import java.time.Instant;

/** The caller's own profile as {@code GET /auth/me} returns it. */
public record UserView(String id, String email, String displayName, String timezone, String role, Instant createdAt) {}
