package io.ganaka.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.api.errors.TooManyRequestsException;
import java.time.Duration;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/** The answers for rate limits and for Redis (sessions, limits) being unreachable. */
class ErrorMapperThrottlingTest {

    private final ErrorMapper mapper = new ErrorMapper();

    @Test
    void turnsARateLimitInto429WithRetryAfterInWholeSeconds() {
        ProblemResponse response = mapper.toProblem(
                new TooManyRequestsException("login-account", Duration.ofMillis(90_500)), "/auth/login", "req-1");

        assertThat(response.problem().status()).isEqualTo(429);
        assertThat(response.problem().type()).isEqualTo("https://ganaka.dev/problems/too-many-requests");
        assertThat(response.headers()).containsEntry("Retry-After", "90");
        assertThat(response.problem().detail()).doesNotContain("login-account");
    }

    @Test
    void neverAsksToRetryAfterZeroSeconds() {
        ProblemResponse response = mapper.toProblem(
                new TooManyRequestsException("login-address", Duration.ofMillis(200)), "/auth/login", "req-1");

        assertThat(response.headers()).containsEntry("Retry-After", "1");
    }

    @Test
    void turnsAnUnreachableRedisInto503RatherThanA500() {
        ProblemResponse response = mapper.toProblem(new JedisConnectionException("connection refused"),
                "/auth/refresh", "req-1");

        assertThat(response.problem().status()).isEqualTo(503);
        assertThat(response.headers()).containsKey("Retry-After");
        assertThat(response.problem().detail()).doesNotContain("Jedis").doesNotContain("refused");
    }

    @Test
    void turnsARedisPoolWithNoFreeConnectionInTimeInto503() {
        ProblemResponse response = mapper.toProblem(new JedisException("Could not get a resource from the pool",
                new NoSuchElementException("Timeout waiting for idle object")), "/expenses", "req-1");

        assertThat(response.problem().status()).isEqualTo(503);
        assertThat(response.headers()).containsKey("Retry-After");
    }

    @Test
    void anyOtherRedisFailureStaysAnUnexpected500() {
        ProblemResponse response = mapper.toProblem(new JedisException("WRONGTYPE"), "/expenses", "req-1");

        assertThat(response.problem().status()).isEqualTo(500);
    }
}
