package io.ganaka.api.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.ganaka.schemas.Json;
import io.ganaka.schemas.Naming;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@link IdempotencyStore} in Redis: one JSON value per key under {@code <prefix>idempotency:}, set only if absent
 * and replaced or deleted only by the claim that holds it (Lua scripts compare the whole value, so no claim ever
 * overwrites another's).
 */
public final class RedisIdempotencyStore implements IdempotencyStore {

    private static final String CLAIM = """
            local current = redis.call('GET', KEYS[1])
            if current then return current end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return false
            """;
    private static final String COMPLETE = """
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            return 1
            """;
    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """;

    private final UnifiedJedis redis;
    private final String prefix;

    /** What a key holds: a running request ({@code answer} null, {@code claim} its random id) or its answer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(String fingerprint, String claim, StoredAnswer answer) {}

    public RedisIdempotencyStore(UnifiedJedis redis, Naming naming) {
        this.redis = redis;
        this.prefix = naming.redisPrefix() + "idempotency:";
    }

    @Override
    public Claim claim(String key, String fingerprint, Duration lease) {
        String pending = write(new Entry(fingerprint, UUID.randomUUID().toString(), null));
        Object current = redis.eval(CLAIM, List.of(prefix + key), List.of(pending, Long.toString(lease.toMillis())));
        if (current == null) {
            return new Claimed(pending);
        }
        Entry entry = read(current.toString());
        return entry.answer() == null ? new InProgress(entry.fingerprint()) : new Completed(entry.answer());
    }

    @Override
    public boolean complete(String key, Claimed claim, StoredAnswer answer, Duration ttl) {
        Object done = redis.eval(COMPLETE, List.of(prefix + key), List.of(claim.token(),
                write(new Entry(answer.fingerprint(), null, answer)), Long.toString(ttl.toMillis())));
        return Long.valueOf(1).equals(done);
    }

    @Override
    public void release(String key, Claimed claim) {
        redis.eval(RELEASE, List.of(prefix + key), List.of(claim.token()));
    }

    private static String write(Entry entry) {
        try {
            return Json.MAPPER.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an idempotency entry", e);
        }
    }

    private static Entry read(String json) {
        try {
            return Json.MAPPER.readValue(json, Entry.class);
        } catch (JsonProcessingException e) {
            // Only this class writes these keys; an unreadable one means corrupted data, not bad input.
            throw new IllegalStateException("unreadable idempotency entry", e);
        }
    }
}
