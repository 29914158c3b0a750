package io.ganaka.auth;

import java.time.Duration;

/**
 * The throttles on sign-in and registration. Failed sign-ins count per account (digest of the normalized e-mail,
 * or of the user id for password changes) and per client address; registrations count per client address.
 */
public record AbuseLimits(RateLimit loginFailuresPerAccount, RateLimit loginFailuresPerAddress,
                          RateLimit registrationsPerAddress) {

    public static final AbuseLimits DEFAULTS = new AbuseLimits(
            new RateLimit("login-account", 5, Duration.ofMinutes(15)),
            new RateLimit("login-address", 20, Duration.ofMinutes(15)),
            new RateLimit("register-address", 10, Duration.ofHours(1)));
}
