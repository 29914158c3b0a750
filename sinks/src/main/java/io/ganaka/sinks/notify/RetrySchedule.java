package io.ganaka.sinks.notify;

import java.time.Duration;

/**
 * When a failed notification is tried again: {@code base * 2^(attempts-1)}, capped at {@code max}, of which a random
 * part (up to half) is taken off so that notifications that failed together do not all come back together. After
 * {@code maxAttempts} attempts the notification has failed for good.
 */
public record RetrySchedule(Duration base, Duration max, int maxAttempts) {

    public RetrySchedule {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("retry delays need 0 < base <= max: " + base + ", " + max);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
    }

    /** True when a notification that has now been attempted {@code attempts} times gets no further attempt. */
    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }

    /**
     * The wait after the {@code attempts}-th failed attempt (1 = the first).
     *
     * @param random a uniformly random number in [0, 1): 0 waits the full delay, just under 1 about half of it
     */
    public Duration delayAfter(int attempts, double random) {
        Duration full = base;
        for (int i = 1; i < attempts && full.compareTo(max) < 0; i++) {
            full = full.multipliedBy(2);
        }
        if (full.compareTo(max) > 0) {
            full = max;
        }
        long millis = full.toMillis();
        return Duration.ofMillis(millis - (long) (millis / 2.0 * random));
    }
}
