package io.ganaka.api;

import java.time.Duration;

/**
 * How much HTTP work the API takes on at once, so that an overload is answered 503 within the latency budget instead
 * of queueing without end. At most {@code maxConcurrent} requests run; up to {@code maxQueued} more wait, without a
 * thread, for at most {@code queueWait}; anything beyond is answered 503 with {@code Retry-After} at once. At most
 * {@code maxConnections} connections are open (live dashboard sockets included); further ones wait in the kernel's
 * accept backlog until one closes.
 */
public record HttpLimits(int maxConcurrent, int maxQueued, Duration queueWait, int maxConnections) {

    /**
     * Below Jetty's and Javalin's usual 250 threads; the queue short enough to drain within the wait; connections
     * room for the live sockets ({@code LiveSettings.DEFAULTS}: 10,000) and as many plain clients.
     */
    public static final HttpLimits DEFAULTS = new HttpLimits(200, 1_000, Duration.ofSeconds(1), 20_000);
    /** Threads beyond {@code maxConcurrent}: selectors, acceptors, and the requests admitted without a slot. */
    private static final int SPARE_THREADS = 48;

    public HttpLimits {
        if (maxConcurrent < 1 || maxQueued < 0 || maxConnections < 1) {
            throw new IllegalArgumentException("maxConcurrent and maxConnections must be positive, maxQueued not"
                    + " negative");
        }
        if (queueWait == null || queueWait.isNegative() || queueWait.isZero()) {
            throw new IllegalArgumentException("queueWait must be positive: " + queueWait);
        }
    }

    /** Jetty's thread pool: every admitted request can have a thread, plus the spare ones. */
    public int threads() {
        return maxConcurrent + SPARE_THREADS;
    }
}
