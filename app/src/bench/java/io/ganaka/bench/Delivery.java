package io.ganaka.bench;

/**
 * Whether every accepted expense arrived exactly once: {@code accepted} ids answered 2xx, of which
 * {@code inPostgres} were found projected and {@code pushed} were seen on their user's live socket; {@code duplicates}
 * counts ids with more than one row and {@code unexpected} rows of the bench's users that it never had accepted.
 */
public record Delivery(long accepted, long inPostgres, long pushed, long duplicates, long unexpected) {

    public long missingInPostgres() {
        return accepted - inPostgres;
    }

    public long notPushed() {
        return accepted - pushed;
    }

    public boolean exactlyOnce() {
        return inPostgres == accepted && duplicates == 0 && unexpected == 0;
    }
}
