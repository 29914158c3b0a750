package io.ganaka.api.users;

/**
 * A validated {@code PUT /users/{id}} body: the whole profile, which replaces the stored one. Omitted fields take
 * their defaults (no display name, UTC, default preferences), so a PUT always says the complete new state.
 */
public record ProfileUpdate(String displayName, String timezone, Preferences preferences) {}
