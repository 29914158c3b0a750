package io.ganaka.auth;

import java.time.Duration;

/** At most {@code max} counted events per {@code window} for one subject (an account, a client address). */
public record RateLimit(String name, int max, Duration window) {

    public RateLimit {
        if (name == null || name.isBlank() || max < 1 || window == null || window.toSeconds() < 1) {
            throw new IllegalArgumentException("invalid rate limit " + name + " " + max + "/" + window);
        }
    }
}
