package io.ganaka.bench;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Matches accepted expenses with their first appearance on the live feed, whichever the bench sees first: a push can
 * overtake the 202 that names the id. Each id is measured once, from the request's intended start to its first push.
 */
final class Tracker {

    private record Track(long sentNanos, long seenNanos, boolean done) {
        static final Track DONE = new Track(0, 0, true);
    }

    private final ConcurrentHashMap<String, Track> tracks = new ConcurrentHashMap<>();
    private final Latency endToEnd;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong pushed = new AtomicLong();

    Tracker(Latency endToEnd) {
        this.endToEnd = endToEnd;
    }

    /** The API accepted {@code id} for a request meant to start at {@code sentNanos}. */
    void accepted(String id, long sentNanos) {
        accepted.incrementAndGet();
        tracks.compute(id, (k, t) -> {
            if (t == null) {
                return new Track(sentNanos, 0, false);
            }
            if (!t.done() && t.seenNanos() > 0) {
                measured(t.seenNanos() - sentNanos);
                return Track.DONE;
            }
            return t;
        });
    }

    /** {@code id} is in a push seen at {@code seenNanos}. */
    void seen(String id, long seenNanos) {
        tracks.compute(id, (k, t) -> {
            if (t == null) {
                return new Track(0, seenNanos, false);
            }
            if (!t.done() && t.sentNanos() > 0) {
                measured(seenNanos - t.sentNanos());
                return Track.DONE;
            }
            return t;
        });
    }

    private void measured(long nanos) {
        endToEnd.recordNanos(nanos);
        pushed.incrementAndGet();
    }

    long accepted() {
        return accepted.get();
    }

    long pushed() {
        return pushed.get();
    }

    /** Ids the API accepted (pushed or not), for the check in Postgres. */
    java.util.Set<String> acceptedIds() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        tracks.forEach((id, t) -> {
            if (t.done() || t.sentNanos() > 0) {
                ids.add(id);
            }
        });
        return ids;
    }
}
