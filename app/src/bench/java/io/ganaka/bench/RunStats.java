package io.ganaka.bench;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Everything a load run counts and times, shared by the sending and answering threads. */
final class RunStats {

    private final Map<Route, Latency> routes = new EnumMap<>(Route.class);
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Latency endToEnd = new Latency();
    private final LongAdder sent = new LongAdder();
    private final LongAdder skipped = new LongAdder();

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

    /** Arrivals not sent because too many requests were unanswered: the system fell behind the rate. */
    LongAdder skipped() {
        return skipped;
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
