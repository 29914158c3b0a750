package io.ganaka.sinks;

import java.time.Duration;

/** Exponential back-off between retries of the same batch: doubles from {@code initial} up to {@code max}. */
final class Backoff {

    private final Duration max;
    private Duration next;

    Backoff(Duration initial, Duration max) {
        this.max = max;
        this.next = initial;
    }

    /** The wait before the next attempt; each call doubles the one after it. */
    Duration next() {
        Duration current = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return current;
    }
}
