package io.ganaka.api;

import io.ganaka.api.docs.ServiceDirectory;
import io.ganaka.api.events.EventPublisher;
import io.ganaka.api.events.ProjectionWaiter;
import io.ganaka.api.health.ReadinessCheck;
import io.ganaka.api.http.IdempotencyStore;
import io.ganaka.api.http.RedisIdempotencyStore;
import io.ganaka.api.imports.ImportSettings;
import io.ganaka.api.live.LiveFeed;
import io.ganaka.api.webhooks.WebhookSettings;
import io.ganaka.auth.AbuseLimits;
import io.ganaka.auth.AccessTokens;
import io.ganaka.auth.PasswordHasher;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import redis.clients.jedis.UnifiedJedis;

/**
 * Everything an {@link ApiServer} is built over. {@link #of} takes the collaborators every server needs and gives the
 * rest their defaults; each {@code with...} method returns a copy with one of them replaced. {@code metrics} is the
 * process's registry, which the API adds its metrics to and serves on {@code GET /metrics}; {@code readinessChecks}
 * are what {@code /ready} asks beside the API's own dependencies (such as Kafka, for other roles in the process);
 * {@code services} says what the process runs, for {@code GET /services}.
 */
public record ApiDependencies(ApiSettings settings, DataSource db, EventPublisher publisher, UnifiedJedis redis,
                              AccessTokens tokens, PasswordHasher hasher, AbuseLimits limits,
                              ProjectionWaiter projections, IdempotencyStore idempotency, ImportSettings imports,
                              WebhookSettings webhooks, PrometheusRegistry metrics, LiveFeed live,
                              Map<String, ReadinessCheck> readinessChecks, ServiceDirectory services) {

    public ApiDependencies {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(redis, "redis");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(hasher, "hasher");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(projections, "projections");
        Objects.requireNonNull(idempotency, "idempotency");
        Objects.requireNonNull(imports, "imports");
        Objects.requireNonNull(webhooks, "webhooks");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(readinessChecks, "readinessChecks");
        Objects.requireNonNull(services, "services");
    }

    /**
     * A server that runs the API alone: default abuse limits, writes that never wait for projections, idempotency
     * keys kept in {@code redis}, default import and webhook settings (public targets only), a {@code /metrics} of
     * its own, no live pushes and no readiness checks beside its own.
     */
    public static ApiDependencies of(ApiSettings settings, DataSource db, EventPublisher publisher, UnifiedJedis redis,
                                     AccessTokens tokens, PasswordHasher hasher) {
        return new ApiDependencies(settings, db, publisher, redis, tokens, hasher, AbuseLimits.DEFAULTS,
                ProjectionWaiter.disabled(), new RedisIdempotencyStore(redis, settings.naming()),
                ImportSettings.DEFAULTS, WebhookSettings.DEFAULTS, new PrometheusRegistry(), LiveFeed.disabled(),
                Map.of(), ServiceDirectory.apiOnly(Instant.now()));
    }

    public ApiDependencies withLimits(AbuseLimits limits) {
        return new ApiDependencies(settings, db, publisher, redis, tokens, hasher, limits, projections, idempotency,
                imports, webhooks, metrics, live, readinessChecks, services);
    }

    /** Writes can wait for {@code projections} ({@code Prefer: wait}). */
    public ApiDependencies withProjections(ProjectionWaiter projections) {
        return new ApiDependencies(settings, db, publisher, redis, tokens, hasher, limits, projections, idempotency,
                imports, webhooks, metrics, live, readinessChecks, services);
    }

    /** The answers of {@code Idempotency-Key} requests are kept in {@code idempotency}. */
    public ApiDependencies withIdempotency(IdempotencyStore idempotency) {
        return new ApiDependencies(settings, db, publisher, redis, tokens, hasher, limits, projections, idempotency,
                imports, webhooks, metrics, live, readinessChecks, services);
    }

    public ApiDependencies withImports(ImportSettings imports) {
        return new ApiDependencies(settings, db, publisher, redis, tokens, hasher, limits, projections, idempotency,
                imports, webhooks, metrics, live, readinessChecks, services);
    }

    public ApiDependencies withWebhooks(WebhookSettings webhooks) {
        return new ApiDependencies(settings, db, publisher, redis, tokens, hasher, limits, projections, idempotency,
                imports, webhooks, metrics, live, readinessChecks, services);
    }

    public ApiDependencies withMetrics(PrometheusRegistry metrics) {
        return new ApiDependencies(settings, db, publisher, redis, tokens, hasher, limits, projections, idempotency,
                imports, webhooks, metrics, live, readinessChecks, services);
    }

    /** The dashboard's live pushes travel through {@code live}. */
    public ApiDependencies withLive(LiveFeed live) {
        return new ApiDependencies(settings, db, publisher, redis, tokens, hasher, limits, projections, idempotency,
                imports, webhooks, metrics, live, readinessChecks, services);
    }

    public ApiDependencies withReadinessChecks(Map<String, ReadinessCheck> readinessChecks) {
        return new ApiDependencies(settings, db, publisher, redis, tokens, hasher, limits, projections, idempotency,
                imports, webhooks, metrics, live, readinessChecks, services);
    }

    public ApiDependencies withServices(ServiceDirectory services) {
        return new ApiDependencies(settings, db, publisher, redis, tokens, hasher, limits, projections, idempotency,
                imports, webhooks, metrics, live, readinessChecks, services);
    }
}
