package io.ganaka.auth;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts the requests refused by each rate limit (the 429s), for the metrics endpoint to export. */
public final class AbuseMetrics {

    private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();

    public void refused(RateLimit limit) {
        refusals.computeIfAbsent(limit.name(), name -> new LongAdder()).increment();
    }

    public long refusals(String limitName) {
        LongAdder adder = refusals.get(limitName);
        return adder == null ? 0 : adder.sum();
    }

    /** Refusals so far per limit name, sorted by name. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        refusals.forEach((name, adder) -> copy.put(name, adder.sum()));
        return copy;
    }
}
