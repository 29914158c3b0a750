package io.ganaka.auth;

import io.ganaka.schemas.EventIds;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * {@link SessionStore} in Redis. Keys under the prefix: {@code refresh:<sha256>} (hash of user, family, state),
 * {@code family:<id>} (set of its token digests, TTL 30 days from login), {@code user:<id>:families},
 * {@code user:<id>:gen}, {@code denied:<jti>} and {@code erased:<sha256 of user id>}. Every multi-key change is one
 * Lua script, so it is atomic; the scripts derive keys from stored values, which needs a single Redis node.
 */
public final class RedisSessionStore implements SessionStore {

    public static final Duration DEFAULT_FAMILY_TTL = Duration.ofDays(30);
    private static final int TOKEN_BYTES = 32;

    /** Deletes one family and its token records; shared by every script that ends sessions. */
    private static final String END_FAMILY = """
            local function endFamily(prefix, user, fam)
              local famKey = prefix .. 'family:' .. fam
              for _, h in ipairs(redis.call('SMEMBERS', famKey)) do redis.call('DEL', prefix .. 'refresh:' .. h) end
              redis.call('DEL', famKey)
              redis.call('SREM', prefix .. 'user:' .. user .. ':families', fam)
            end
            local function endAll(prefix, user)
              for _, fam in ipairs(redis.call('SMEMBERS', prefix .. 'user:' .. user .. ':families')) do
                endFamily(prefix, user, fam)
              end
              redis.call('DEL', prefix .. 'user:' .. user .. ':families')
            end
            """;

    private static final String START = """
            redis.call('HSET', KEYS[1], 'u', ARGV[1], 'f', ARGV[2], 's', 'live')
            redis.call('EXPIRE', KEYS[1], ARGV[4])
            redis.call('SADD', KEYS[2], ARGV[3])
            redis.call('EXPIRE', KEYS[2], ARGV[4])
            redis.call('SADD', KEYS[3], ARGV[2])
            redis.call('EXPIRE', KEYS[3], ARGV[4])
            return redis.call('GET', KEYS[4]) or '0'
            """;

    // A rotated token keeps its record (state 'used') until the family ends, so that its reuse is recognised.
    private static final String ROTATE = END_FAMILY + """
            local prefix = ARGV[1]
            local rec = redis.call('HMGET', KEYS[1], 'u', 'f', 's')
            if not rec[1] or not rec[2] then return {'unknown'} end
            local user, fam = rec[1], rec[2]
            if rec[3] ~= 'live' then
              endFamily(prefix, user, fam)
              return {'reused', user, fam}
            end
            local famKey = prefix .. 'family:' .. fam
            local ttl = redis.call('TTL', famKey)
            if ttl <= 0 then
              redis.call('DEL', KEYS[1])
              return {'unknown'}
            end
            redis.call('HSET', KEYS[1], 's', 'used')
            local nextKey = prefix .. 'refresh:' .. ARGV[2]
            redis.call('HSET', nextKey, 'u', user, 'f', fam, 's', 'live')
            redis.call('EXPIRE', nextKey, ttl)
            redis.call('SADD', famKey, ARGV[2])
            return {'rotated', user, fam, redis.call('GET', prefix .. 'user:' .. user .. ':gen') or '0'}
            """;

    private static final String END_SESSION = END_FAMILY + """
            if redis.call('SISMEMBER', ARGV[1] .. 'user:' .. ARGV[2] .. ':families', ARGV[3]) == 1 then
              endFamily(ARGV[1], ARGV[2], ARGV[3])
            end
            return 0
            """;

    private static final String END_ALL = END_FAMILY + """
            endAll(ARGV[1], ARGV[2])
            local gen = redis.call('INCR', KEYS[1])
            redis.call('EXPIRE', KEYS[1], ARGV[3])
            return gen
            """;

    private static final String FORGET = END_FAMILY + """
            endAll(ARGV[1], ARGV[2])
            redis.call('DEL', KEYS[1])
            redis.call('SET', KEYS[2], '1', 'EX', ARGV[3])
            return 0
            """;

    /**
     * Revoked: denied, retired by a newer generation, its user erased, or (fail closed) the session it names is no
     * longer in Redis: signed out, expired, or lost with Redis's data, which would otherwise forget the denylist and
     * the generations too and bring signed-out tokens back to life. Tokens without a session are not checked for one.
     */
    private static final String IS_REVOKED = """
            if redis.call('EXISTS', KEYS[1]) == 1 or redis.call('EXISTS', KEYS[3]) == 1 then return 1 end
            if tonumber(redis.call('GET', KEYS[2]) or '0') > tonumber(ARGV[2]) then return 1 end
            if ARGV[1] ~= '' and redis.call('EXISTS', KEYS[4]) == 0 then return 1 end
            return 0
            """;

    private final UnifiedJedis jedis;
    private final String prefix;
    private final Duration familyTtl;
    private final Duration accessTokenTtl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param accessTokenTtl how long access tokens live: the erased-user marker must outlive every one of them
     */
    public RedisSessionStore(UnifiedJedis jedis, String keyPrefix, Duration familyTtl, Duration accessTokenTtl,
                             Clock clock) {
        this.jedis = Objects.requireNonNull(jedis, "jedis");
        this.prefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        this.familyTtl = Objects.requireNonNull(familyTtl, "familyTtl");
        this.accessTokenTtl = Objects.requireNonNull(accessTokenTtl, "accessTokenTtl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public RedisSessionStore(UnifiedJedis jedis, String keyPrefix, Duration accessTokenTtl) {
        this(jedis, keyPrefix, DEFAULT_FAMILY_TTL, accessTokenTtl, Clock.systemUTC());
    }

    @Override
    public NewSession start(String userId) {
        Objects.requireNonNull(userId, "userId");
        String token = newToken();
        String digest = Digests.sha256Hex(token);
        String familyId = EventIds.newId();
        Object generation = jedis.eval(START,
                List.of(refreshKey(digest), prefix + "family:" + familyId, familiesKey(userId), generationKey(userId)),
                List.of(userId, familyId, digest, Long.toString(familyTtl.toSeconds())));
        return new NewSession(familyId, token, Long.parseLong(generation.toString()));
    }

    @Override
    public Rotation rotate(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return new Rotation.Unknown();
        }
        String next = newToken();
        List<?> result = (List<?>) jedis.eval(ROTATE, List.of(refreshKey(Digests.sha256Hex(refreshToken))),
                List.of(prefix, Digests.sha256Hex(next)));
        return switch (result.get(0).toString()) {
            case "rotated" -> new Rotation.Rotated(result.get(1).toString(), result.get(2).toString(), next,
                    Long.parseLong(result.get(3).toString()));
            case "reused" -> new Rotation.Reused(result.get(1).toString(), result.get(2).toString());
            default -> new Rotation.Unknown();
        };
    }

    @Override
    public void endSession(String userId, String sessionId) {
        if (sessionId != null && !sessionId.isBlank()) {
            jedis.eval(END_SESSION, List.of(familiesKey(userId)), List.of(prefix, userId, sessionId));
        }
    }

    @Override
    public Optional<String> sessionOf(String userId, String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return Optional.empty();
        }
        List<String> record = jedis.hmget(refreshKey(Digests.sha256Hex(refreshToken)), "u", "f");
        return userId.equals(record.get(0)) && record.get(1) != null ? Optional.of(record.get(1)) : Optional.empty();
    }

    @Override
    public void denyAccessToken(String tokenId, Instant expiresAt) {
        if (expiresAt.isAfter(clock.instant())) {
            jedis.set(prefix + "denied:" + tokenId, "1", SetParams.setParams().exAt(expiresAt.getEpochSecond() + 1));
        }
    }

    @Override
    public long endAllSessions(String userId) {
        Object generation = jedis.eval(END_ALL, List.of(generationKey(userId)),
                List.of(prefix, userId, Long.toString(familyTtl.toSeconds())));
        return Long.parseLong(generation.toString());
    }

    @Override
    public void endAllSessionsAndForget(String userId) {
        // The marker is keyed by a digest, so no key names the user, yet the user's live access tokens stop at once.
        jedis.eval(FORGET, List.of(generationKey(userId), erasedKey(userId)),
                List.of(prefix, userId, Long.toString(accessTokenTtl.toSeconds() + 60)));
    }

    @Override
    public boolean isRevoked(Principal principal) {
        // One round trip per request: denylist entry, current generation, erased marker and the session itself.
        Object revoked = jedis.eval(IS_REVOKED, List.of(prefix + "denied:" + principal.tokenId(),
                        generationKey(principal.userId()), erasedKey(principal.userId()),
                        prefix + "family:" + principal.sessionId()),
                List.of(principal.sessionId() == null ? "" : principal.sessionId(),
                        Long.toString(principal.generation())));
        return Long.valueOf(1).equals(revoked);
    }

    /** The Redis key of a refresh token's record; public so that tests can check what is stored. */
    public String keyFor(String refreshToken) {
        return refreshKey(Digests.sha256Hex(refreshToken));
    }

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String refreshKey(String digest) {
        return prefix + "refresh:" + digest;
    }

    private String familiesKey(String userId) {
        return prefix + "user:" + userId + ":families";
    }

    private String generationKey(String userId) {
        return prefix + "user:" + userId + ":gen";
    }

    private String erasedKey(String userId) {
        return prefix + "erased:" + Digests.sha256Hex(userId);
    }
}
