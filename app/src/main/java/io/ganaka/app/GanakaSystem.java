package io.ganaka.app;

import io.ganaka.api.ApiDependencies;
import io.ganaka.api.ApiServer;
import io.ganaka.api.ApiSettings;
import io.ganaka.api.docs.RunningServices;
import io.ganaka.api.docs.ServiceDirectory;
import io.ganaka.api.events.JetStreamPublisher;
import io.ganaka.api.events.ProjectionWaiter;
import io.ganaka.api.health.ReadinessCheck;
import io.ganaka.api.live.LiveFeed;
import io.ganaka.api.live.LiveSettings;
import io.ganaka.api.metrics.PublishMetrics;
import io.ganaka.api.webhooks.WebhookSettings;
import io.ganaka.app.metrics.BridgeMetrics;
import io.ganaka.app.metrics.KafkaMetricSource;
import io.ganaka.app.metrics.MetricsServer;
import io.ganaka.app.metrics.NotificationMetrics;
import io.ganaka.app.metrics.ProcessMetrics;
import io.ganaka.app.metrics.ProcessedEventMetrics;
import io.ganaka.app.metrics.SinkMetrics;
import io.ganaka.auth.AccessTokens;
import io.ganaka.auth.Argon2PasswordHasher;
import io.ganaka.bridge.Bridge;
import io.ganaka.bridge.BridgeSettings;
import io.ganaka.schemas.webhooks.WebhookTargetPolicy;
import io.ganaka.sinks.NatsLivePushes;
import io.ganaka.sinks.NatsProjectionReports;
import io.ganaka.sinks.SinkSettings;
import io.ganaka.sinks.Sinks;
import io.ganaka.sinks.notify.NotificationChannel;
import io.ganaka.sinks.notify.Notifications;
import io.ganaka.streams.ProcessedEvents;
import io.ganaka.streams.StreamsRole;
import io.ganaka.streams.StreamsSettings;
import io.nats.client.Connection;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds the chosen roles and the clients they need with {@code new}, starts them downstream
 * first (sinks, streams, bridge, then the API) and closes them in the reverse order.
 */
public final class GanakaSystem implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GanakaSystem.class);
    /**
     * Requests waiting at once for their projection ({@code Prefer: wait}); each holds an HTTP thread, so this stays
     * well below Javalin's Jetty pool (250 threads) and the rest of the API keeps answering while clients wait.
     */
    private static final int MAX_PROJECTION_WAITERS = 100;
    /** How often a scrape may ask JetStream for the bridge consumer's backlog (one request-reply each). */
    private static final Duration BRIDGE_BACKLOG_INTERVAL = Duration.ofSeconds(5);

    private final Deque<AutoCloseable> open = new ArrayDeque<>();
    private final ProcessMetrics metrics = new ProcessMetrics();
    private final Instant startedAt = Instant.now();
    private ApiServer api;
    /** Volatile: set after the API started, and read by its {@code /services} requests. */
    private volatile MetricsServer metricsServer;

    private GanakaSystem() {}

    /**
     * Starts the roles against running brokers; the JetStream stream and Kafka topics must exist (see
     * {@link Provisioning}).
     */
    public static GanakaSystem start(GanakaConfig config, Set<Role> roles, String kafkaBootstrapServers, Path stateDir)
            throws Exception {
        GanakaSystem system = new GanakaSystem();
        try {
            system.startRoles(config, EnumSet.copyOf(roles), kafkaBootstrapServers, stateDir);
            return system;
        } catch (Exception | Error e) {
            system.close();
            throw e;
        }
    }

    private void startRoles(GanakaConfig config, Set<Role> roles, String kafka, Path stateDir) throws Exception {
        DataSource db = null;
        if (roles.contains(Role.API) || roles.contains(Role.SINKS)) {
            db = remember(Connections.postgres(config, "ganaka-" + config.naming().groupId("db")));
        }
        if (roles.contains(Role.SINKS)) {
            // The sinks announce what they committed, so that API requests with Prefer: wait can answer.
            Connection nats = remember(Connections.nats(config, "ganaka-sinks"));
            var sinkRedis = remember(Connections.redis(config)); // the dashboard cache
            SinkMetrics sinkMetrics = new SinkMetrics(metrics.registry());
            var settings = new SinkSettings(config.naming(), kafka, 1_000, Duration.ofMillis(200),
                    config.sinksSessionTimeout());
            Sinks sinks = remember(Sinks.start(settings, db, new NatsProjectionReports(nats, config.naming()),
                    sinkRedis, new NatsLivePushes(nats, config.naming()), sinkMetrics));
            metrics.addKafkaClient(new KafkaMetricSource(KafkaMetricSource.CONSUMER, "sinks", sinks::consumerMetrics));
            metrics.addKafkaClient(new KafkaMetricSource(KafkaMetricSource.PRODUCER, "sinks", sinks::producerMetrics));
            var channels = Notifications.standardChannels(config.notifications(), nats, config.naming(), db,
                    new WebhookTargetPolicy(config.webhooksAllowPrivate()));
            remember(Notifications.start(config.notifications(),
                    new SinkSettings(config.naming(), kafka, 200, Duration.ofMillis(200),
                            config.sinksSessionTimeout()), db, channels,
                    new NotificationMetrics(metrics.registry(), channels.stream().map(NotificationChannel::name).toList()),
                    sinkMetrics));
            log.info("Role sinks started");
        }
        if (roles.contains(Role.STREAMS)) {
            ProcessedEvents processed = new ProcessedEvents();
            StreamsRole streams = remember(StreamsRole.start(new StreamsSettings(config.naming(), kafka, stateDir,
                    config.kafkaReplicationFactor(), config.streamsStandbyReplicas(), Duration.ofMillis(100),
                    config.topologies()), processed));
            for (String client : streams.clientNames()) {
                metrics.addKafkaClient(new KafkaMetricSource(KafkaMetricSource.STREAMS, client,
                        () -> streams.metrics(client)));
            }
            metrics.registry().register(new ProcessedEventMetrics(processed));
            log.info("Role streams started");
        }
        if (roles.contains(Role.BRIDGE)) {
            Connection nats = remember(Connections.nats(config, "ganaka-bridge"));
            Bridge bridge = remember(
                    Bridge.start(new BridgeSettings(config.naming(), kafka, 2_000, config.bridgeAckWait()), nats));
            metrics.addKafkaClient(new KafkaMetricSource(KafkaMetricSource.PRODUCER, "bridge", bridge::producerMetrics));
            metrics.registry().register(BridgeMetrics.of(bridge, BRIDGE_BACKLOG_INTERVAL));
            log.info("Role bridge started");
        }
        if (roles.contains(Role.API)) {
            Connection nats = remember(Connections.nats(config, "ganaka-api"));
            var redis = remember(Connections.redis(config));
            var publisher = new JetStreamPublisher(nats, config.naming(), config.limits().publishMaxInFlight(),
                    config.limits().publishTimeout(), PublishMetrics.registeredIn(metrics.registry()));
            var hasher = new Argon2PasswordHasher(Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(2));
            var tokens = new AccessTokens(config.jwtSecret(), Duration.ofMinutes(15), Clock.systemUTC());
            var projections = remember(ProjectionWaiter.subscribe(nats, config.naming(), MAX_PROJECTION_WAITERS));
            api = remember(ApiServer.start(ApiDependencies.of(
                            new ApiSettings(config.httpPort(), config.naming(), config.limits().publishTimeout(),
                                    1_000_000, config.corsOrigins(), config.limits().http()),
                            db, publisher, redis, tokens, hasher)
                    .withProjections(projections)
                    .withWebhooks(WebhookSettings.DEFAULTS.withAllowPrivateTargets(config.webhooksAllowPrivate()))
                    .withMetrics(metrics.registry())
                    .withLive(new LiveFeed(nats, new LiveSettings(Duration.ofSeconds(config.wsPingSeconds()),
                            LiveSettings.DEFAULTS.sendQueueLimit(), LiveSettings.DEFAULTS.maxSocketsPerUser(),
                            LiveSettings.DEFAULTS.maxSockets())))
                    .withReadinessChecks(readinessChecks(config, kafka))
                    .withServices(services(roles))));
            log.info("Role api listening on port {} (metrics on /metrics)", api.port());
        }
        startMetrics(config, roles);
    }

    /** What {@code /ready} asks beside the API's own dependencies: Kafka, which every role but the API uses. */
    private Map<String, ReadinessCheck> readinessChecks(GanakaConfig config, String kafka) {
        if (kafka == null || kafka.isBlank()) {
            return Map.of();
        }
        return Map.of("kafka", remember(new KafkaReadiness(kafka, config.naming().groupId("ready"))));
    }

    /** Exports the Kafka clients the roles started and, when configured, serves the metrics on a port of their own. */
    private void startMetrics(GanakaConfig config, Set<Role> roles) {
        metrics.exportKafkaClients();
        if (config.metricsPort().isPresent()) {
            metricsServer = remember(MetricsServer.start(config.metricsPort().getAsInt(), metrics.registry()));
            log.info("Metrics served on port {} at /metrics", metricsServer.port());
        } else if (!roles.contains(Role.API)) {
            log.info("Metrics are not served: this process runs no API role; set GANAKA_METRICS_PORT to serve them");
        }
    }

    /** What {@code GET /services} lists: the roles of this process; asked per request, as metrics start last. */
    private ServiceDirectory services(Set<Role> roles) {
        List<String> names = roles.stream().sorted().map(Role::cliName).toList();
        return () -> new RunningServices(names, startedAt,
                metricsServer == null ? OptionalInt.empty() : OptionalInt.of(metricsServer.port()));
    }

    /** The port the API listens on; only when the API role runs. */
    public int apiPort() {
        if (api == null) {
            throw new IllegalStateException("the api role is not running in this process");
        }
        return api.port();
    }

    /** The port of the stand-alone metrics server; only when {@code GANAKA_METRICS_PORT} is set. */
    public int metricsPort() {
        if (metricsServer == null) {
            throw new IllegalStateException("no metrics server in this process: GANAKA_METRICS_PORT is not set");
        }
        return metricsServer.port();
    }

    private <T extends AutoCloseable> T remember(T closeable) {
        open.push(closeable);
        return closeable;
    }

    @Override
    public void close() {
        while (!open.isEmpty()) {
            AutoCloseable next = open.pop();
            try {
                next.close();
            } catch (Exception e) {
                // Keep closing the rest: one stuck component must not keep the others open.
                log.warn("Error while closing {}: {}", next.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
