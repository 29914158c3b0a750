package io.ganaka.bridge;

import java.util.concurrent.atomic.AtomicLong;

/** Running totals of what the bridge did with JetStream messages; read by metrics and tests. */
public final class BridgeCounters {

    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();

    /** Messages Kafka acknowledged on their input topic (and that were then acked on JetStream). */
    public long forwarded() {
        return forwarded.get();
    }

    /** Kafka sends that failed; the message was nak'd and will be redelivered. */
    public long failed() {
        return failed.get();
    }

    /** Messages that could not be routed and were written to the dead-letter topic. */
    public long deadLettered() {
        return deadLettered.get();
    }

    void recordForwarded() {
        forwarded.incrementAndGet();
    }

    void recordFailed() {
        failed.incrementAndGet();
    }

    void recordDeadLettered() {
        deadLettered.incrementAndGet();
    }
}
