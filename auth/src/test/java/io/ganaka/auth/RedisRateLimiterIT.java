package io.ganaka.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.testkit.TestEnvironment;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

class RedisRateLimiterIT {

    private static final RateLimit THREE_PER_MINUTE = new RateLimit("test-limit", 3, Duration.ofMinutes(1));

    private static TestEnvironment env;
    private static UnifiedJedis jedis;
    private static AbuseMetrics metrics;
    private static RedisRateLimiter limiter;

    @BeforeAll
    static void connect() {
        env = TestEnvironment.shared();
        jedis = RedisClient.create(URI.create(env.redisUrl()));
        metrics = new AbuseMetrics();
        limiter = new RedisRateLimiter(jedis, env.redisKeyPrefix(), metrics);
    }

    @AfterAll
    static void disconnect() {
        jedis.close();
    }

    @Test
    void blocksASubjectOnceItUsedUpItsFailuresAndSaysForHowLong() {
        String subject = UUID.randomUUID().toString();
        long before = metrics.refusals("test-limit");
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.blockedFor(THREE_PER_MINUTE, subject)).isEmpty();
            limiter.record(THREE_PER_MINUTE, subject);
        }

        assertThat(limiter.blockedFor(THREE_PER_MINUTE, subject)).get()
                .satisfies(wait -> assertThat(wait).isBetween(Duration.ofSeconds(1), Duration.ofMinutes(1)));
        assertThat(limiter.blockedFor(THREE_PER_MINUTE, UUID.randomUUID().toString())).isEmpty();
        assertThat(metrics.refusals("test-limit")).isEqualTo(before + 1);
    }

    @Test
    void consumeRefusesTheEventAfterTheLimit() {
        String subject = UUID.randomUUID().toString();

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.consume(THREE_PER_MINUTE, subject)).isEmpty();
        }

        assertThat(limiter.consume(THREE_PER_MINUTE, subject)).isPresent();
    }

    @Test
    void everyCounterHasTheWindowAsTtlAndNoKeyNamesTheSubject() {
        String subject = "someone@example.org-" + UUID.randomUUID();
        limiter.record(THREE_PER_MINUTE, subject);

        assertThat(jedis.keys(env.redisKeyPrefix() + "limit:test-limit:*")).isNotEmpty()
                .allSatisfy(key -> {
                    assertThat(key).doesNotContain(subject);
                    assertThat(jedis.pttl(key)).isBetween(1L, 60_000L);
                });
    }

    @Test
    void resetForgetsTheCount() {
        String subject = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            limiter.record(THREE_PER_MINUTE, subject);
        }

        limiter.reset(THREE_PER_MINUTE, subject);

        assertThat(limiter.blockedFor(THREE_PER_MINUTE, subject)).isEmpty();
    }
}
