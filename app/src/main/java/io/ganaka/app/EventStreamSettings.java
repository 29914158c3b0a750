package io.ganaka.app;

import java.time.Duration;

/**
 * How the JetStream event stream is kept: {@code replicas} copies on as many servers (3 in production, so that a 2xx
 * survives the loss of one), and the limits that bound it when the bridge falls behind. The stream keeps limits
 * retention with discard-new: when it is full a publish is refused, and the API answers 503, instead of silently
 * dropping the oldest events the bridge has not forwarded yet.
 *
 * @param maxAge how long an event is kept at most (the reconciler reads the stream back this far)
 * @param maxBytes how much the stream may hold on each server
 */
public record EventStreamSettings(int replicas, Duration maxAge, long maxBytes) {

    public static final EventStreamSettings SINGLE_SERVER = new EventStreamSettings(1, Duration.ofDays(7), 8L << 30);

    public EventStreamSettings {
        if (replicas < 1 || replicas > 5) {
            throw new IllegalArgumentException("replicas must be 1..5: " + replicas);
        }
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero() || maxBytes < 1) {
            throw new IllegalArgumentException("maxAge and maxBytes must be positive");
        }
    }
}
