package io.ganaka.app;

import io.ganaka.api.HttpLimits;
import java.time.Duration;

/**
 * The bounds and short timeouts that make a slow dependency answer 503 instead of piling up work (see
 * docs/reliability.md, "Bounded queues and back-pressure").
 *
 * @param http requests in progress and waiting for a slot in the API ({@code GANAKA_HTTP_*})
 * @param publishTimeout how long an API write waits for JetStream's ack ({@code GANAKA_PUBLISH_TIMEOUT_MS})
 * @param publishMaxInFlight asynchronous publishes awaiting their ack at once ({@code GANAKA_PUBLISH_MAX_IN_FLIGHT})
 * @param dbConnectionTimeout how long a caller waits for a pooled Postgres connection
 *     ({@code GANAKA_DB_CONNECTION_TIMEOUT_MS})
 * @param redisPoolSize pooled Redis connections ({@code GANAKA_REDIS_POOL_SIZE})
 * @param redisTimeout Redis connect, read and pool-wait timeout ({@code GANAKA_REDIS_TIMEOUT_MS})
 */
public record LoadLimits(HttpLimits http, Duration publishTimeout, int publishMaxInFlight, Duration dbConnectionTimeout,
                         int redisPoolSize, Duration redisTimeout) {}
