package io.ganaka.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.testkit.TestEnvironment;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

class RedisRefreshTokenStoreIT {

    private static TestEnvironment env;
    private static UnifiedJedis jedis;
    private static RedisRefreshTokenStore store;

    @BeforeAll
    static void connect() {
        env = TestEnvironment.shared();
        jedis = RedisClient.create(URI.create(env.redisUrl()));
        store = new RedisRefreshTokenStore(jedis, env.redisKeyPrefix());
    }

    @AfterAll
    static void disconnect() {
        jedis.close();
    }

    @Test
    void issuesA256BitBase64UrlTokenAndFindsItsUserAndFamily() {
        String token = store.issue("user-1");

        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        RefreshTokenRecord record = store.find(token).orElseThrow();
        assertThat(record.userId()).isEqualTo("user-1");
        assertThat(record.familyId()).isNotBlank();
    }

    @Test
    void storesOnlyTheSha256OfTheTokenWithAThirtyDayTtl() {
        String token = store.issue("user-2");

        String key = store.keyFor(token);
        assertThat(key).matches(java.util.regex.Pattern.quote(env.redisKeyPrefix()) + "refresh:[0-9a-f]{64}");
        assertThat(jedis.get(key)).doesNotContain(token).contains("user-2");
        assertThat(jedis.ttl(key)).isBetween(Duration.ofDays(30).toSeconds() - 60, Duration.ofDays(30).toSeconds());
        assertThat(jedis.keys(env.redisKeyPrefix() + "*" + token + "*")).isEmpty();
    }

    @Test
    void startsANewFamilyForEveryIssuedToken() {
        String first = store.issue("user-3");
        String second = store.issue("user-3");

        assertThat(first).isNotEqualTo(second);
        assertThat(store.find(first).orElseThrow().familyId())
                .isNotEqualTo(store.find(second).orElseThrow().familyId());
    }

    @Test
    void forgetsARevokedToken() {
        String token = store.issue("user-4");

        store.revoke(token);

        assertThat(store.find(token)).isEmpty();
    }

    @Test
    void findsNothingForAnUnknownToken() {
        assertThat(store.find("never-issued")).isEmpty();
        assertThat(store.find("")).isEmpty();
    }

    @Test
    void treatsAnUnreadableValueAsNoToken() {
        String token = store.issue("user-5");
        jedis.set(store.keyFor(token), "{not json");

        assertThat(store.find(token)).isEmpty();
    }
}
