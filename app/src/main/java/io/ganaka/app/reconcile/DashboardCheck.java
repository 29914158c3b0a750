package io.ganaka.app.reconcile;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ganaka.schemas.Json;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.dashboard.Dashboard;
import io.ganaka.schemas.dashboard.DashboardKeys;
import io.ganaka.schemas.dashboard.DashboardQueries;
import io.ganaka.schemas.dashboard.DashboardState;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * Compares each cached Redis dashboard with what Postgres holds for the same month and time zone, the way the API
 * rebuilds a dashboard ({@link DashboardQueries}): the month's totals per currency and per category and currency. A
 * user without a cached dashboard is fine (it is a cache); a dashboard that cannot be read, or that belongs to a
 * user without an account, is a difference.
 */
final class DashboardCheck {

    private static final int PIPELINE = 1_000;

    private final UnifiedJedis redis;
    private final Naming naming;

    DashboardCheck(UnifiedJedis redis, Naming naming) {
        this.redis = redis;
        this.naming = naming;
    }

    /** The cached dashboards' states (JSON) of those users that have one, read in pipelined rounds. */
    Map<UUID, String> cached(Collection<UUID> users) {
        Map<UUID, String> states = new LinkedHashMap<>();
        List<UUID> all = new ArrayList<>(users);
        for (int from = 0; from < all.size(); from += PIPELINE) {
            Map<UUID, Response<String>> replies = new LinkedHashMap<>();
            try (AbstractPipeline pipeline = redis.pipelined()) {
                for (UUID user : all.subList(from, Math.min(all.size(), from + PIPELINE))) {
                    replies.put(user, pipeline.hget(DashboardKeys.key(naming, user.toString()),
                            DashboardKeys.STATE_FIELD));
                }
                pipeline.sync();
            }
            replies.forEach((user, reply) -> {
                if (reply.get() != null) {
                    states.put(user, reply.get());
                }
            });
        }
        return states;
    }

    /** The differences of one user's cached dashboard. */
    static List<Difference> compare(Connection db, UUID user, String stateJson, boolean hasAccount)
            throws SQLException {
        if (!hasAccount) {
            return List.of(new Difference(Difference.Kind.DASHBOARD, user,
                    "a dashboard is cached for a user without an account"));
        }
        Dashboard cached;
        YearMonth month;
        try {
            DashboardState state = Json.MAPPER.readValue(stateJson, DashboardState.class);
            if (state == null || state.dashboard() == null || state.dashboard().month() == null) {
                return List.of(new Difference(Difference.Kind.DASHBOARD, user, "the cached dashboard has no month"));
            }
            cached = state.dashboard();
            month = YearMonth.parse(cached.month());
        } catch (JsonProcessingException | DateTimeException e) {
            return List.of(new Difference(Difference.Kind.DASHBOARD, user,
                    "the cached dashboard cannot be read: " + e.getMessage()));
        }
        Dashboard rebuilt = DashboardQueries.load(db, user, cached.timezone(), month).toState(0).dashboard();
        List<Difference> differences = new ArrayList<>();
        compareLines(user, "totals of " + month, cached.totals(), rebuilt.totals(), differences);
        compareLines(user, "category totals of " + month, cached.categories(), rebuilt.categories(), differences);
        return differences;
    }

    private static <T> void compareLines(UUID user, String what, List<T> cached, List<T> rebuilt,
                                         List<Difference> differences) {
        Set<T> cachedSet = new HashSet<>(cached);
        Set<T> rebuiltSet = new HashSet<>(rebuilt);
        if (!cachedSet.equals(rebuiltSet)) {
            Set<T> onlyCached = new HashSet<>(cachedSet);
            onlyCached.removeAll(rebuiltSet);
            Set<T> onlyRebuilt = new HashSet<>(rebuiltSet);
            onlyRebuilt.removeAll(cachedSet);
            differences.add(new Difference(Difference.Kind.DASHBOARD, user, what + ": cached only " + onlyCached
                    + "; Postgres only " + onlyRebuilt));
        }
    }
}
