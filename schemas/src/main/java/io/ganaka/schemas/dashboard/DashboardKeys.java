package io.ganaka.schemas.dashboard;

import io.ganaka.schemas.Naming;
import java.time.Duration;

/**
 * Where and how a dashboard is cached in Redis: one hash per user, {@code <prefix>dashboard:<userId>}, with the
 * fields {@code v} (the version) and {@code state} (the {@link DashboardState} as JSON), expiring
 * {@link #TTL} after its last write. Every writer (the dashboard sink, the API's rebuild and alert dismissal) writes
 * through {@link #COMPARE_AND_SET}, so that no writer overwrites a change it has not seen.
 */
public final class DashboardKeys {

    public static final Duration TTL = Duration.ofHours(24);
    public static final String VERSION_FIELD = "v";
    public static final String STATE_FIELD = "state";

    /**
     * KEYS[1] the dashboard; ARGV[1] the version the writer read ('' when there was none), ARGV[2] the new version
     * ('' deletes the dashboard), ARGV[3] the state JSON, ARGV[4] the TTL in milliseconds. Returns 1 when written, 0
     * when the stored version is no longer the one read.
     */
    public static final String COMPARE_AND_SET = """
            local current = redis.call('HGET', KEYS[1], 'v')
            if (current or '') ~= ARGV[1] then return 0 end
            if ARGV[2] == '' then redis.call('DEL', KEYS[1]) return 1 end
            redis.call('HSET', KEYS[1], 'v', ARGV[2], 'state', ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            return 1
            """;

    private DashboardKeys() {}

    public static String key(Naming naming, String userId) {
        return naming.redisPrefix() + "dashboard:" + userId;
    }

    /** The version after {@code previous}: milliseconds since the epoch, or one more than before if that is higher. */
    public static long nextVersion(long previous, long nowMillis) {
        return Math.max(previous + 1, nowMillis);
    }
}
