package io.ganaka.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ganaka.schemas.EventIds;
import io.ganaka.schemas.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Refresh tokens in Redis: 256 random bits, base64url, stored at {@code <keyPrefix>refresh:<sha256 hex>} as JSON
 * {@code {userId, familyId, issuedAt}} with a 30-day TTL. A leaked Redis dump therefore holds no usable token.
 */
public final class RedisRefreshTokenStore implements RefreshTokenStore {

    public static final Duration DEFAULT_TTL = Duration.ofDays(30);
    private static final int TOKEN_BYTES = 32;

    private final UnifiedJedis jedis;
    private final String keyPrefix;
    private final Duration ttl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public RedisRefreshTokenStore(UnifiedJedis jedis, String keyPrefix) {
        this(jedis, keyPrefix, DEFAULT_TTL, Clock.systemUTC());
    }

    public RedisRefreshTokenStore(UnifiedJedis jedis, String keyPrefix, Duration ttl, Clock clock) {
        this.jedis = Objects.requireNonNull(jedis, "jedis");
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String issue(String userId) {
        Objects.requireNonNull(userId, "userId");
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        RefreshTokenRecord record = new RefreshTokenRecord(userId, EventIds.newId(), clock.instant());
        jedis.set(keyFor(token), toJson(record), SetParams.setParams().ex(ttl.toSeconds()));
        return token;
    }

    @Override
    public Optional<RefreshTokenRecord> find(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String json = jedis.get(keyFor(token));
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(json, RefreshTokenRecord.class));
        } catch (JsonProcessingException e) {
            // A value we cannot read is treated as no token: the client signs in again.
            return Optional.empty();
        }
    }

    @Override
    public void revoke(String token) {
        if (token != null && !token.isBlank()) {
            jedis.del(keyFor(token));
        }
    }

    /** The Redis key for a token; public so tests and operators can inspect what is stored. */
    public String keyFor(String token) {
        return keyPrefix + "refresh:" + sha256Hex(token);
    }

    private static String toJson(RefreshTokenRecord record) {
        try {
            return Json.MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode refresh token record", e);
        }
    }

    private static String sha256Hex(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform is required to provide SHA-256.
            throw new IllegalStateException(e);
        }
    }
}
