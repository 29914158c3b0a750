package io.ganaka.bench;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Everything a load run counts and times, shared by Gatling's virtual users and the bench's own threads. */
final class RunStats {

    private final Map<Route, Latency> routes = new EnumMap<>(Route.class);
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Latency endToEnd = new Latency();
    private final LongAdder sent = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();

    RunStats() {
        for (Route route : Route.values()) {
            routes.put(route, new Latency());
        }
    }

    Latency route(Route route) {
        return routes.get(route);
    }

    Latency endToEnd() {
        return endToEnd;
    }

    LongAdder sent() {
        return sent;
    }

    /** Requests sent and not yet answered (or timed out). */
    AtomicInteger inFlight() {
        return inFlight;
    }

    void error(Route route, String kind) {
        errors.computeIfAbsent(route.label() + " " + kind, k -> new LongAdder()).increment();
    }

    long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Errors by route and status (or exception), e.g. {@code POST /expenses 503}. */
    Map<String, Long> errors() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        errors.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }
}
