package io.ganaka.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.auth.SessionStore.NewSession;
import io.ganaka.auth.SessionStore.Rotation;
import io.ganaka.testkit.TestEnvironment;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

class RedisSessionStoreIT {

    private static TestEnvironment env;
    private static UnifiedJedis jedis;
    private static RedisSessionStore store;

    @BeforeAll
    static void connect() {
        env = TestEnvironment.shared();
        jedis = RedisClient.create(URI.create(env.redisUrl()));
        store = new RedisSessionStore(jedis, env.redisKeyPrefix(), Duration.ofMinutes(15));
    }

    @AfterAll
    static void disconnect() {
        jedis.close();
    }

    @Test
    void issuesA256BitTokenStoredOnlyAsItsSha256WithAThirtyDayTtl() {
        NewSession session = store.start(user());

        assertThat(Base64.getUrlDecoder().decode(session.refreshToken())).hasSize(32);
        String key = store.keyFor(session.refreshToken());
        assertThat(key).matches(Pattern.quote(env.redisKeyPrefix()) + "refresh:[0-9a-f]{64}");
        assertThat(jedis.hgetAll(key).toString()).doesNotContain(session.refreshToken());
        assertThat(jedis.ttl(key)).isBetween(Duration.ofDays(30).toSeconds() - 60, Duration.ofDays(30).toSeconds());
        assertThat(jedis.keys(env.redisKeyPrefix() + "*" + session.refreshToken() + "*")).isEmpty();
    }

    @Test
    void rotationReplacesTheTokenWithinTheSameFamily() {
        String user = user();
        NewSession session = store.start(user);

        Rotation.Rotated rotated = (Rotation.Rotated) store.rotate(session.refreshToken());

        assertThat(rotated.userId()).isEqualTo(user);
        assertThat(rotated.sessionId()).isEqualTo(session.sessionId());
        assertThat(rotated.refreshToken()).isNotEqualTo(session.refreshToken());
        assertThat(store.rotate(rotated.refreshToken())).isInstanceOf(Rotation.Rotated.class);
    }

    @Test
    void reusingARotatedTokenEndsTheWholeFamily() {
        String user = user();
        NewSession session = store.start(user);
        Rotation.Rotated next = (Rotation.Rotated) store.rotate(session.refreshToken());

        Rotation reuse = store.rotate(session.refreshToken());

        assertThat(reuse).isEqualTo(new Rotation.Reused(user, session.sessionId()));
        assertThat(store.rotate(next.refreshToken())).isInstanceOf(Rotation.Unknown.class);
        assertThat(jedis.exists(env.redisKeyPrefix() + "family:" + session.sessionId())).isFalse();
    }

    @Test
    void ofTwoConcurrentRotationsOfOneTokenExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 20; round++) {
                NewSession session = store.start(user());
                CountDownLatch go = new CountDownLatch(1);
                Callable<Rotation> attempt = () -> {
                    go.await();
                    return store.rotate(session.refreshToken());
                };
                List<Future<Rotation>> futures = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    futures.add(pool.submit(attempt));
                }
                go.countDown();
                List<Rotation> outcomes = new ArrayList<>();
                for (Future<Rotation> f : futures) {
                    outcomes.add(f.get());
                }
                assertThat(outcomes).filteredOn(r -> r instanceof Rotation.Rotated).hasSize(1);
                assertThat(outcomes).filteredOn(r -> r instanceof Rotation.Reused).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFamilyEndsThirtyDaysAfterLoginWhateverTheRenewals() {
        String user = user();
        NewSession session = store.start(user);
        String family = env.redisKeyPrefix() + "family:" + session.sessionId();
        // Pretend the login was 30 days minus 2 seconds ago: the family has 2 seconds left.
        jedis.expire(family, 2);

        Rotation.Rotated next = (Rotation.Rotated) store.rotate(session.refreshToken());

        assertThat(jedis.ttl(store.keyFor(next.refreshToken()))).isLessThanOrEqualTo(2);
        jedis.del(family);
        assertThat(store.rotate(next.refreshToken())).isInstanceOf(Rotation.Unknown.class);
    }

    @Test
    void failsClosedWhenRedisLostTheData() {
        NewSession session = store.start(user());
        jedis.del(store.keyFor(session.refreshToken()));

        assertThat(store.rotate(session.refreshToken())).isInstanceOf(Rotation.Unknown.class);
        assertThat(store.rotate("never-issued")).isInstanceOf(Rotation.Unknown.class);
        assertThat(store.rotate("")).isInstanceOf(Rotation.Unknown.class);
    }

    @Test
    void endingOneSessionLeavesTheOthers() {
        String user = user();
        NewSession first = store.start(user);
        NewSession second = store.start(user);

        store.endSession(user, first.sessionId());
        store.endSession(user(), second.sessionId());

        assertThat(store.rotate(first.refreshToken())).isInstanceOf(Rotation.Unknown.class);
        assertThat(store.rotate(second.refreshToken())).isInstanceOf(Rotation.Rotated.class);
    }

    @Test
    void endingAllSessionsRetiresEveryTokenIssuedBefore() {
        String user = user();
        NewSession first = store.start(user);
        NewSession second = store.start(user);
        Principal before = principal(user, first);

        long generation = store.endAllSessions(user);
        NewSession after = store.start(user);

        assertThat(generation).isEqualTo(first.generation() + 1).isEqualTo(after.generation());
        assertThat(store.rotate(first.refreshToken())).isInstanceOf(Rotation.Unknown.class);
        assertThat(store.rotate(second.refreshToken())).isInstanceOf(Rotation.Unknown.class);
        assertThat(store.isRevoked(before)).isTrue();
        assertThat(store.isRevoked(principal(user, after))).isFalse();
    }

    @Test
    void anAccessTokenWhoseSessionRedisNoLongerHoldsIsRevoked() {
        String user = user();
        NewSession session = store.start(user);
        Principal principal = principal(user, session);
        assertThat(store.isRevoked(principal)).isFalse();

        // As after a Redis restart without persistence: the session is gone, and with it the denylist and generation.
        jedis.del(env.redisKeyPrefix() + "family:" + session.sessionId());

        assertThat(store.isRevoked(principal)).as("fail closed").isTrue();
    }

    @Test
    void endingASessionRevokesItsAccessTokensButNotThoseOfAnother() {
        String user = user();
        NewSession first = store.start(user);
        NewSession second = store.start(user);

        store.endSession(user, first.sessionId());

        assertThat(store.isRevoked(principal(user, first))).isTrue();
        assertThat(store.isRevoked(principal(user, second))).isFalse();
    }

    @Test
    void aDeniedAccessTokenIsRevokedUntilItExpires() {
        String user = user();
        Principal principal = principal(user, store.start(user));

        store.denyAccessToken(principal.tokenId(), principal.expiresAt());

        assertThat(store.isRevoked(principal)).isTrue();
        assertThat(jedis.ttl(env.redisKeyPrefix() + "denied:" + principal.tokenId())).isBetween(1L, 15 * 60 + 2L);
    }

    @Test
    void forgettingAUserLeavesNoKeyOrValueMentioningItAndRefusesItsTokens() {
        String user = user();
        NewSession session = store.start(user);
        store.rotate(session.refreshToken());
        store.start(user);
        store.endAllSessions(user);
        NewSession live = store.start(user);

        store.endAllSessionsAndForget(user);

        assertThat(store.isRevoked(principal(user, live))).isTrue();
        assertThat(store.rotate(live.refreshToken())).isInstanceOf(Rotation.Unknown.class);
        assertThat(keysAndValuesMentioning(user)).isEmpty();
    }

    private static List<String> keysAndValuesMentioning(String text) {
        List<String> found = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = jedis.scan(cursor, new ScanParams().match(env.redisKeyPrefix() + "*").count(500));
            for (String key : page.getResult()) {
                String type = jedis.type(key);
                String value = switch (type) {
                    case "string" -> jedis.get(key);
                    case "hash" -> jedis.hgetAll(key).toString();
                    case "set" -> jedis.smembers(key).toString();
                    default -> type;
                };
                if (key.contains(text) || (value != null && value.contains(text))) {
                    found.add(key);
                }
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return found;
    }

    private static Principal principal(String user, NewSession session) {
        return new Principal(user, "user", UUID.randomUUID().toString(), Instant.now().plus(Duration.ofMinutes(15)),
                session.sessionId(), session.generation());
    }

    private static String user() {
        return UUID.randomUUID().toString();
    }
}
