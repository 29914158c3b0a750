package io.ganaka.api.expenses;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Version reservations as Redis keys {@code <prefix>expense-version:<userId>:<expenseId>:<version>}, set with NX and
 * a TTL. The TTL only has to outlast the pipeline's lag: once the new version is projected, a change made against the
 * old one fails the If-Match check on the projection anyway.
 */
public final class RedisVersionReservations implements VersionReservations {

    /** Far longer than the pipeline ever takes, short enough that a key left by a crash frees itself. */
    public static final Duration TTL = Duration.ofHours(1);

    private final UnifiedJedis redis;
    private final String prefix;

    public RedisVersionReservations(UnifiedJedis redis, String redisPrefix) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.prefix = Objects.requireNonNull(redisPrefix, "redisPrefix") + "expense-version:";
    }

    @Override
    public boolean reserve(UUID userId, UUID expenseId, long version) {
        return "OK".equals(redis.set(key(userId, expenseId, version), "1",
                SetParams.setParams().nx().px(TTL.toMillis())));
    }

    @Override
    public void release(UUID userId, UUID expenseId, long version) {
        redis.del(key(userId, expenseId, version));
    }

    String key(UUID userId, UUID expenseId, long version) {
        return prefix + userId + ":" + expenseId + ":" + version;
    }
}
