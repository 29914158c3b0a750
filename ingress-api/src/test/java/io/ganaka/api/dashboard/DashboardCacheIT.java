package io.ganaka.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.Naming;
import io.ganaka.schemas.dashboard.DashboardDraft;
import io.ganaka.schemas.dashboard.DashboardKeys;
import io.ganaka.schemas.dashboard.DashboardState;
import io.ganaka.testkit.TestEnvironment;
import java.math.BigDecimal;
import java.net.URI;
import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/** The compare-and-set that keeps a rebuild from overwriting a newer write, on a real Redis. */
class DashboardCacheIT {

    private final Naming naming = new Naming(TestEnvironment.shared().prefix() + "-cache");
    private final UnifiedJedis redis = RedisClient.create(URI.create(TestEnvironment.shared().redisUrl()));
    private final DashboardCache cache = new DashboardCache(redis, naming);
    private final String user = UUID.randomUUID().toString();

    @AfterEach
    void tearDown() {
        redis.del(DashboardKeys.key(naming, user));
        redis.close();
    }

    @Test
    void aWriteBasedOnAnOlderReadLosesAndLeavesTheNewerDashboard() {
        assertThat(cache.read(user)).isEqualTo(new DashboardCache.Stored("", null));
        DashboardState sinkWrite = state("10.00", 5);
        DashboardState staleRebuild = state("7.00", 6);

        assertThat(cache.compareAndSet(user, "", sinkWrite)).isTrue(); // the sink wrote first
        assertThat(cache.compareAndSet(user, "", staleRebuild)).isFalse(); // the rebuild read "no dashboard"

        DashboardCache.Stored stored = cache.read(user);
        assertThat(stored.version()).isEqualTo("5");
        assertThat(stored.state()).isEqualTo(sinkWrite);
        assertThat(redis.pttl(DashboardKeys.key(naming, user))).isPositive()
                .isLessThanOrEqualTo(DashboardKeys.TTL.toMillis());
        assertThat(cache.compareAndSet(user, "5", staleRebuild.withVersion(7))).isTrue();
    }

    private DashboardState state(String total, long version) {
        DashboardDraft draft = new DashboardDraft(user, YearMonth.of(2026, 3), "UTC");
        draft.applyMonthlyTotal(2026, 3, "EUR", new BigDecimal(total), 1);
        return draft.toState(version);
    }
}
