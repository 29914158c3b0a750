package io.ganaka.api;

import io.ganaka.auth.AbuseLimits;
import io.ganaka.auth.RateLimit;
import java.time.Duration;

/**
 * Rate limits for integration tests, whose every request comes from 127.0.0.1: the per-address limits are raised
 * so that a suite registering dozens of users is not throttled; the per-account limit stays as in production.
 */
final class TestLimits {

    static final AbuseLimits GENEROUS = new AbuseLimits(
            AbuseLimits.DEFAULTS.loginFailuresPerAccount(),
            new RateLimit("login-address", 10_000, Duration.ofMinutes(15)),
            new RateLimit("register-address", 10_000, Duration.ofHours(1)));

    private TestLimits() {}
}
