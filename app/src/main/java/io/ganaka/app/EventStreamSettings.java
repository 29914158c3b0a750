package io.ganaka.app;

import java.time.Duration;

/**
 * How the JetStream event stream is kept: {@code replicas} copies on as many servers (3 in production, so that a 2xx
 * survives the loss of one), and the limits that bound it when the bridge falls behind. The stream keeps limits
 * retention with discard-new: when it is full a publish is refused, and the API answers 503, instead of silently
 * dropping the oldest events the bridge has not forwarded yet.
 *
 * <p>By default only age bounds it. A byte limit ({@link #UNLIMITED_BYTES} otherwise) counts every event kept, the
 * ones already forwarded too, so it must hold {@code maxAge} of the peak write rate: a stream full of history refuses
 * every write until old events age out. JetStream also reserves the limit on the server when the stream is created,
 * so a large one on a shared server leaves no room for other streams.
 *
 * @param maxAge how long an event is kept at most (the reconciler reads the stream back this far)
 * @param maxBytes how much the stream may hold on each server, or {@link #UNLIMITED_BYTES}
 */
public record EventStreamSettings(int replicas, Duration maxAge, long maxBytes) {

    /** JetStream's "no limit". */
    public static final long UNLIMITED_BYTES = -1;

    public static final EventStreamSettings SINGLE_SERVER =
            new EventStreamSettings(1, Duration.ofDays(7), UNLIMITED_BYTES);

    public EventStreamSettings {
        if (replicas < 1 || replicas > 5) {
            throw new IllegalArgumentException("replicas must be 1..5: " + replicas);
        }
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero() || (maxBytes < 1 && maxBytes != UNLIMITED_BYTES)) {
            throw new IllegalArgumentException("maxAge must be positive, maxBytes positive or unlimited");
        }
    }
}
