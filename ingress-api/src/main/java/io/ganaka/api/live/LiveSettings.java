package io.ganaka.api.live;

import java.time.Duration;

/**
 * Limits of the live dashboard sockets of one API instance: how often the server sends its heartbeat ping (a socket
 * whose client sends nothing back for {@code idleTimeout()} is closed), how many messages may wait for a slow client before its socket is closed, and how
 * many sockets one user and the whole instance may hold.
 */
public record LiveSettings(Duration pingInterval, int sendQueueLimit, int maxSocketsPerUser, int maxSockets) {

    public static final LiveSettings DEFAULTS = new LiveSettings(Duration.ofSeconds(25), 64, 5, 10_000);

    public LiveSettings {
        if (pingInterval.isNegative() || pingInterval.isZero()) {
            throw new IllegalArgumentException("pingInterval must be positive");
        }
        if (sendQueueLimit < 2 || maxSocketsPerUser < 1 || maxSockets < 1) {
            throw new IllegalArgumentException("live socket limits must be positive (send queue at least 2)");
        }
    }

    /** Silence of the client after which its socket is closed: two unanswered pings and a margin. */
    public Duration idleTimeout() {
        return pingInterval.multipliedBy(2).plus(pingInterval.dividedBy(2));
    }
}
