package io.ganaka.api.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ganaka.schemas.Json;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.dashboard.DashboardKeys;
import io.ganaka.schemas.dashboard.DashboardState;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/** One user's cached dashboard in Redis: read, and written only by compare-and-set on the version read. */
public final class DashboardCache {

    /** A cached dashboard as read: its version ('' when there is none) and state (null when none or unreadable). */
    public record Stored(String version, DashboardState state) {}

    private final UnifiedJedis redis;
    private final Naming naming;

    public DashboardCache(UnifiedJedis redis, Naming naming) {
        this.redis = redis;
        this.naming = naming;
    }

    public Stored read(String userId) {
        List<String> fields = redis.hmget(DashboardKeys.key(naming, userId), DashboardKeys.VERSION_FIELD,
                DashboardKeys.STATE_FIELD);
        String version = fields.get(0) == null ? "" : fields.get(0);
        if (fields.get(1) == null) {
            return new Stored(version, null);
        }
        try {
            return new Stored(version, Json.MAPPER.readValue(fields.get(1), DashboardState.class));
        } catch (JsonProcessingException e) {
            // An unreadable state (an older format) is rebuilt in its place.
            return new Stored(version, null);
        }
    }

    /** Writes the state (with the TTL) if the stored version is still {@code expectedVersion}; whether it did. */
    public boolean compareAndSet(String userId, String expectedVersion, DashboardState state) {
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a dashboard always serializes", e);
        }
        Object written = redis.eval(DashboardKeys.COMPARE_AND_SET, List.of(DashboardKeys.key(naming, userId)),
                List.of(expectedVersion, Long.toString(state.dashboard().version()), json,
                        Long.toString(DashboardKeys.TTL.toMillis())));
        return Long.valueOf(1).equals(written);
    }
}
