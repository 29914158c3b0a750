package io.ganaka.auth;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;

/**
 * Fixed-window counters in Redis at {@code <prefix>limit:<name>:<sha256 of subject>}, incremented and given their
 * expiry in one script so that a counter can never be left without a TTL. Every refusal is counted in
 * {@link AbuseMetrics}.
 */
public final class RedisRateLimiter {

    private static final String HIT = """
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return count
            """;

    private static final String BLOCKED_FOR = """
            local count = tonumber(redis.call('GET', KEYS[1]) or '0')
            if count < tonumber(ARGV[1]) then return -1 end
            return redis.call('PTTL', KEYS[1])
            """;

    private final UnifiedJedis jedis;
    private final String prefix;
    private final AbuseMetrics metrics;

    public RedisRateLimiter(UnifiedJedis jedis, String keyPrefix, AbuseMetrics metrics) {
        this.jedis = Objects.requireNonNull(jedis, "jedis");
        this.prefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** How long the subject must wait when it has used up the limit already; empty when it may go on. */
    public Optional<Duration> blockedFor(RateLimit limit, String subject) {
        long millis = ((Number) jedis.eval(BLOCKED_FOR, List.of(key(limit, subject)),
                List.of(Integer.toString(limit.max())))).longValue();
        return refusal(limit, millis);
    }

    /** Counts one event (e.g. a failed sign-in) against the limit. */
    public void record(RateLimit limit, String subject) {
        jedis.eval(HIT, List.of(key(limit, subject)), List.of(Long.toString(limit.window().toMillis())));
    }

    /** Counts one event and says how long to wait when it went over the limit; empty when it is within. */
    public Optional<Duration> consume(RateLimit limit, String subject) {
        String key = key(limit, subject);
        long count = ((Number) jedis.eval(HIT, List.of(key), List.of(Long.toString(limit.window().toMillis()))))
                .longValue();
        return count <= limit.max() ? Optional.empty() : refusal(limit, jedis.pttl(key));
    }

    /** Forgets the subject's count, e.g. after a successful sign-in. */
    public void reset(RateLimit limit, String subject) {
        jedis.del(key(limit, subject));
    }

    private Optional<Duration> refusal(RateLimit limit, long remainingMillis) {
        if (remainingMillis < 0) {
            return Optional.empty();
        }
        metrics.refused(limit);
        // Round up so that a client waiting exactly Retry-After seconds finds the window over.
        return Optional.of(Duration.ofSeconds(Math.max(1, (remainingMillis + 999) / 1000)));
    }

    private String key(RateLimit limit, String subject) {
        return prefix + "limit:" + limit.name() + ":" + Digests.sha256Hex(subject);
    }
}
