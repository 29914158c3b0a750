package io.ganaka.app.metrics;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;

/**
 * A value that costs a round trip to read (such as the bridge's JetStream consumer info), read at most once per
 * interval however often Prometheus scrapes; between reads, and when a read fails, the last good value is given.
 */
public final class ThrottledSample<T> {

    private final Callable<T> read;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private T last;
    private long readAt;
    private boolean everRead;

    ThrottledSample(Callable<T> read, Duration interval, LongSupplier nanoClock) {
        this.read = read;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
    }

    public ThrottledSample(Callable<T> read, Duration interval) {
        this(read, interval, System::nanoTime);
    }

    /** The value, read now when the last attempt is older than the interval; empty until a read succeeded. */
    public synchronized Optional<T> get() {
        long now = nanoClock.getAsLong();
        if (!everRead || now - readAt >= intervalNanos) {
            everRead = true;
            readAt = now;
            try {
                last = read.call();
            } catch (Exception e) {
                // Not reachable now: keep the last value; the failure itself shows in the role's logs and /ready.
            }
        }
        return Optional.ofNullable(last);
    }
}
