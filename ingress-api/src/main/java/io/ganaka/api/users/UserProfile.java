package io.ganaka.api.users;

import java.time.Instant;

/** A user's profile as {@code GET/PUT /users/{id}} return it: the account's identity and the full preferences. */
public record UserProfile(String id, String email, String displayName, String timezone, String role,
                          Preferences preferences, Instant createdAt, Instant updatedAt) {}
