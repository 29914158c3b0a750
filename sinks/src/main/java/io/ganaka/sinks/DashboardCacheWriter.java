package io.ganaka.sinks;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ganaka.schemas.Json;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.dashboard.DashboardKeys;
import io.ganaka.schemas.dashboard.DashboardState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
 * Reads and writes many users' cached dashboards in one round trip each (pipelined), every write a compare-and-set on
 * the version read ({@link DashboardKeys#COMPARE_AND_SET}).
 */
final class DashboardCacheWriter {

    /** A cached dashboard as read: its version ('' when there is none) and state (null when there is none). */
    record Stored(String version, DashboardState state) {}

    /** A write: {@code state} null deletes the dashboard. */
    record Write(UUID userId, String expectedVersion, DashboardState state) {}

    private final UnifiedJedis redis;
    private final Naming naming;

    DashboardCacheWriter(UnifiedJedis redis, Naming naming) {
        this.redis = redis;
        this.naming = naming;
    }

    Map<UUID, Stored> read(Collection<UUID> users) {
        Map<UUID, Response<List<String>>> replies = new LinkedHashMap<>();
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (UUID user : users) {
                replies.put(user, pipeline.hmget(key(user), DashboardKeys.VERSION_FIELD, DashboardKeys.STATE_FIELD));
            }
            pipeline.sync();
        }
        Map<UUID, Stored> stored = new HashMap<>();
        replies.forEach((user, reply) -> stored.put(user, decode(reply.get())));
        return stored;
    }

    /** Writes each where its version is still the one read; the users whose write lost a race, to be redone. */
    Set<UUID> compareAndSet(List<Write> writes) {
        List<Response<Object>> replies = new ArrayList<>();
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (Write w : writes) {
                String version = w.state() == null ? "" : Long.toString(w.state().dashboard().version());
                replies.add(pipeline.eval(DashboardKeys.COMPARE_AND_SET, List.of(key(w.userId())),
                        List.of(w.expectedVersion(), version, w.state() == null ? "" : encode(w.state()),
                                Long.toString(DashboardKeys.TTL.toMillis()))));
            }
            pipeline.sync();
        }
        Set<UUID> lost = new HashSet<>();
        for (int i = 0; i < writes.size(); i++) {
            if (!Long.valueOf(1).equals(replies.get(i).get())) {
                lost.add(writes.get(i).userId());
            }
        }
        return lost;
    }

    private String key(UUID user) {
        return DashboardKeys.key(naming, user.toString());
    }

    private static Stored decode(List<String> fields) {
        String version = fields.get(0);
        String json = fields.get(1);
        if (version == null || json == null) {
            return new Stored(version == null ? "" : version, null);
        }
        try {
            return new Stored(version, Json.MAPPER.readValue(json, DashboardState.class));
        } catch (JsonProcessingException e) {
            // Written by an older, incompatible release: rebuilt from the database in its place.
            return new Stored(version, null);
        }
    }

    private static String encode(DashboardState state) {
        try {
            return Json.MAPPER.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a dashboard always serializes", e);
        }
    }
}
