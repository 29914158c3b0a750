package io.ganaka.api.auth;

/** What sign-in needs about an account: its id, role and password hash. */
record StoredCredentials(String userId, String role, String passwordHash) {}
