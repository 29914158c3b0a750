package io.ganaka.bridge;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Running totals of what the bridge did with JetStream messages; read by metrics and tests. */
public final class BridgeCounters {

    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    /** Keyed by event type wire name; only known types are forwarded, so the keys are a closed set. */
    private final Map<String, LongAdder> forwardedByType = new ConcurrentHashMap<>();

    /** Messages Kafka acknowledged on their input topic (and that were then acked on JetStream). */
    public long forwarded() {
        return forwarded.get();
    }

    /** {@link #forwarded()} by event type (wire name), in name order; types not forwarded yet are absent. */
    public Map<String, Long> forwardedByType() {
        Map<String, Long> counts = new TreeMap<>();
        forwardedByType.forEach((type, count) -> counts.put(type, count.sum()));
        return counts;
    }

    /** Kafka sends that failed; the message was nak'd and will be redelivered. */
    public long failed() {
        return failed.get();
    }

    /** Messages that could not be routed and were written to the dead-letter topic. */
    public long deadLettered() {
        return deadLettered.get();
    }

    void recordForwarded(String eventType) {
        forwarded.incrementAndGet();
        forwardedByType.computeIfAbsent(eventType, type -> new LongAdder()).increment();
    }

    void recordFailed() {
        failed.incrementAndGet();
    }

    void recordDeadLettered() {
        deadLettered.incrementAndGet();
    }
}
