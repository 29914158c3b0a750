package io.ganaka.app;

import io.ganaka.api.HttpLimits;
import io.ganaka.schemas.Naming;
import io.ganaka.sinks.SinkSettings;
import io.ganaka.sinks.notify.NotificationSettings;
import io.ganaka.streams.TopologySettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The whole configuration of a Ganaka process, read once from the environment. Every key sits beside its default and
 * its check; all problems are reported together, one line each, before anything is opened.
 *
 * @param kafkaBootstrapServers empty in dev mode when the process should start its own broker
 * @param metricsPort where a process serves {@code /metrics} on a port of its own (0: any free port); empty: only
 *     the API port serves it, so a process without the API role exports nothing
 * @param corsOrigins exact browser origins ({@code https://app.example.org}) allowed to call the API; empty: none
 * @param streamsStandbyReplicas warm copies of each Kafka Streams state store kept by other instances, for fast
 *     fail-over; useful only with more than one streams process
 * @param stateDir Kafka Streams state; empty in dev mode, which uses a temporary directory removed at exit
 * @param topologies what the streams topologies are built from: alert defaults, month close timing
 * @param webhooksAllowPrivate whether webhooks may target loopback and private addresses (dev default: yes)
 * @param notifications SMTP, SMS and the notification dispatcher (see {@link NotificationConfig})
 * @param wsPingSeconds how often the API pings each live dashboard socket ({@code GANAKA_WS_PING_SECONDS})
 * @param sinksSessionTimeout how long the sinks' consumer groups wait for a sinks process that died without leaving
 *     before its partitions move to another ({@code GANAKA_SINKS_SESSION_TIMEOUT_MS})
 * @param kafkaMinInsync {@code min.insync.replicas} of the topics Ganaka creates: how many replicas must have a record
 *     before an {@code acks=all} producer is answered ({@code GANAKA_KAFKA_MIN_INSYNC})
 * @param eventStream replicas and limits of the JetStream event stream ({@code GANAKA_NATS_REPLICAS},
 *     {@code GANAKA_STREAM_MAX_AGE_HOURS}, {@code GANAKA_STREAM_MAX_MB})
 * @param limits bounds and timeouts that turn overload into 503s (see {@link LoadLimits})
 * @param bridgeAckWait how long JetStream waits for the bridge to acknowledge a message before redelivering it, as
 *     after a bridge died holding it ({@code GANAKA_BRIDGE_ACK_WAIT_SECONDS})
 */
public record GanakaConfig(
        boolean dev,
        String jdbcUrl,
        int databasePoolSize,
        String redisUrl,
        String natsUrl,
        Optional<String> kafkaBootstrapServers,
        int kafkaPartitions,
        short kafkaReplicationFactor,
        int streamsStandbyReplicas,
        byte[] jwtSecret,
        Naming naming,
        int httpPort,
        OptionalInt metricsPort,
        List<String> corsOrigins,
        Optional<Path> stateDir,
        TopologySettings topologies,
        boolean webhooksAllowPrivate,
        NotificationSettings notifications,
        int wsPingSeconds,
        Duration sinksSessionTimeout,
        int kafkaMinInsync,
        EventStreamSettings eventStream,
        LoadLimits limits,
        Duration bridgeAckWait) {

    public GanakaConfig {
        corsOrigins = List.copyOf(corsOrigins);
    }

    /** Dev-only signing key: long enough for HS256, and refused outside dev because it is public. */
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:\\d{1,5})?");

    static final String DEV_JWT_SECRET = "ganaka-dev-only-jwt-secret-not-for-production-use";

    /**
     * Every environment variable a Ganaka process reads, here and in {@link NotificationConfig} and
     * {@link TopologyConfig}; deployment files name only these ({@code GanakaConfigTest} keeps the list in step).
     */
    public static final List<String> KEYS = List.of(
            "DATABASE_URL", "GANAKA_DB_POOL_SIZE", "REDIS_URL", "NATS_URL", "KAFKA_BOOTSTRAP_SERVERS",
            "GANAKA_KAFKA_PARTITIONS", "GANAKA_KAFKA_REPLICATION", "GANAKA_STREAMS_STANDBY_REPLICAS", "JWT_SECRET",
            "GANAKA_PREFIX", "GANAKA_HTTP_PORT", "GANAKA_METRICS_PORT", "CORS_ORIGINS", "GANAKA_STATE_DIR",
            "GANAKA_WEBHOOKS_ALLOW_PRIVATE", "GANAKA_WS_PING_SECONDS", "GANAKA_SINKS_SESSION_TIMEOUT_MS", "GANAKA_BRIDGE_ACK_WAIT_SECONDS", LogFormat.KEY,
            "GANAKA_KAFKA_MIN_INSYNC", "GANAKA_NATS_REPLICAS", "GANAKA_STREAM_MAX_AGE_HOURS", "GANAKA_STREAM_MAX_MB",
            "GANAKA_HTTP_MAX_CONCURRENT", "GANAKA_HTTP_MAX_QUEUED", "GANAKA_HTTP_QUEUE_WAIT_MS",
            "GANAKA_HTTP_MAX_CONNECTIONS",
            "GANAKA_PUBLISH_TIMEOUT_MS", "GANAKA_PUBLISH_MAX_IN_FLIGHT", "GANAKA_DB_CONNECTION_TIMEOUT_MS",
            "GANAKA_REDIS_POOL_SIZE", "GANAKA_REDIS_TIMEOUT_MS",
            "SMTP_HOST", "SMTP_PORT", "SMTP_USER", "SMTP_PASS", "SMTP_FROM",
            "SMS_PROVIDER", "SMS_WEBHOOK_URL", "SMS_WEBHOOK_TOKEN",
            "GANAKA_NOTIFY_RETRY_BASE_MS", "GANAKA_NOTIFY_RETRY_MAX_MS", "GANAKA_NOTIFY_MAX_ATTEMPTS",
            "GANAKA_NOTIFY_POLL_MS", "GANAKA_NOTIFY_BATCH_SIZE", "GANAKA_NOTIFY_CONCURRENCY",
            TopologyConfig.HIGH_VALUE, TopologyConfig.BUDGET_PERCENTS, TopologyConfig.MIN_HISTORY,
            TopologyConfig.SIGMAS, TopologyConfig.MEAN_FACTOR, TopologyConfig.CLOSE_INTERVAL,
            TopologyConfig.CLOSE_GRACE);

    public static GanakaConfig fromEnvironment(boolean dev) {
        return load(System.getenv(), dev, true);
    }

    /** @param needsSecrets false for commands such as {@code migrate} that sign nothing */
    public static GanakaConfig fromEnvironment(boolean dev, boolean needsSecrets) {
        return load(System.getenv(), dev, needsSecrets);
    }

    public static GanakaConfig load(Map<String, String> env, boolean dev) {
        return load(env, dev, true);
    }

    static GanakaConfig load(Map<String, String> env, boolean dev, boolean needsSecrets) {
        List<String> problems = new ArrayList<>();
        Reader r = new Reader(env, problems);

        String jdbcUrl = r.string("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/ganaka?user=postgres")
                .flatMap(url -> toJdbcUrl(url, problems))
                .orElse(null);
        int poolSize = r.integer("GANAKA_DB_POOL_SIZE", 10, 1, 200);
        String redisUrl = r.uri("REDIS_URL", "redis://127.0.0.1:6379", "redis", "rediss");
        // A comma-separated list names the servers of a cluster; the client connects to any and fails over.
        String natsUrl = r.uris("NATS_URL", "nats://127.0.0.1:4222", "nats", "tls");
        Optional<String> kafka = r.string("KAFKA_BOOTSTRAP_SERVERS", dev ? null : "127.0.0.1:9092");
        kafka.filter(k -> !k.matches("[^,\\s]+:\\d+(,[^,\\s]+:\\d+)*"))
                .ifPresent(k -> problems.add("KAFKA_BOOTSTRAP_SERVERS must be host:port[,host:port...], got '" + k + "'"));
        int partitions = r.integer("GANAKA_KAFKA_PARTITIONS", 6, 1, 1000);
        int replication = r.integer("GANAKA_KAFKA_REPLICATION", 1, 1, 9);
        // With replication 3, two copies before an ack: one broker may fail without losing an acked record.
        int minInsync = r.integer("GANAKA_KAFKA_MIN_INSYNC", Math.min(2, replication), 1, 9);
        if (minInsync > replication) {
            problems.add("GANAKA_KAFKA_MIN_INSYNC (" + minInsync + ") must not exceed GANAKA_KAFKA_REPLICATION ("
                    + replication + "): no producer could ever be answered");
        }
        EventStreamSettings eventStream = eventStream(r);
        LoadLimits limits = loadLimits(r);
        int standbyReplicas = r.integer("GANAKA_STREAMS_STANDBY_REPLICAS", 0, 0, 9);
        byte[] secret = needsSecrets ? jwtSecret(r, dev, problems) : new byte[0];
        Naming naming = r.string("GANAKA_PREFIX", "").map(p -> naming(p, problems)).orElse(Naming.DEFAULT);
        int port = r.integer("GANAKA_HTTP_PORT", 8080, 0, 65535);
        OptionalInt metricsPort = r.optionalInteger("GANAKA_METRICS_PORT", 0, 65535);
        List<String> corsOrigins = corsOrigins(r.string("CORS_ORIGINS", "").orElse(""), problems);
        Optional<Path> stateDir = r.string("GANAKA_STATE_DIR", null).map(Path::of);
        TopologySettings topologies = TopologyConfig.load(env, problems);
        // Off outside dev: a webhook must not be a way into the machine's own network.
        boolean webhooksAllowPrivate = r.bool("GANAKA_WEBHOOKS_ALLOW_PRIVATE", dev);
        NotificationSettings notifications = NotificationConfig.load(env, dev, problems);
        int wsPingSeconds = r.integer("GANAKA_WS_PING_SECONDS", 25, 1, 3600);
        // Within the broker's default group.min/max.session.timeout.ms; Kafka's own default otherwise.
        Duration sinksSessionTimeout = Duration.ofMillis(r.integer("GANAKA_SINKS_SESSION_TIMEOUT_MS",
                (int) SinkSettings.DEFAULT_SESSION_TIMEOUT.toMillis(), 6_000, 1_800_000));
        // Long enough for the bridge's Kafka producer to time out and retry inside it (BridgeSettings checks 5 s).
        Duration bridgeAckWait = Duration.ofSeconds(r.integer("GANAKA_BRIDGE_ACK_WAIT_SECONDS", 60, 5, 3600));
        // Read by logback.xml itself; checked here so that a typo is one clear line rather than a silent console.
        r.string(LogFormat.KEY, null).filter(f -> !LogFormat.VALUES.contains(f)).ifPresent(f -> problems.add(
                LogFormat.KEY + " must be one of " + String.join(", ", LogFormat.VALUES) + ", got '" + f + "'"));

        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new GanakaConfig(dev, jdbcUrl, poolSize, redisUrl, natsUrl, kafka, partitions, (short) replication,
                standbyReplicas,
                secret, naming, port, metricsPort, corsOrigins, stateDir, topologies, webhooksAllowPrivate,
                notifications, wsPingSeconds, sinksSessionTimeout, minInsync, eventStream, limits, bridgeAckWait);
    }

    private static EventStreamSettings eventStream(Reader r) {
        EventStreamSettings d = EventStreamSettings.SINGLE_SERVER;
        int replicas = r.integer("GANAKA_NATS_REPLICAS", d.replicas(), 1, 5);
        int maxAgeHours = r.integer("GANAKA_STREAM_MAX_AGE_HOURS", (int) d.maxAge().toHours(), 1, 87_600);
        // Unset: no byte limit (see EventStreamSettings for why a byte limit must be sized to the max age).
        OptionalInt maxMb = r.optionalInteger("GANAKA_STREAM_MAX_MB", 1, 100_000_000);
        return new EventStreamSettings(Math.max(1, Math.min(5, replicas)), Duration.ofHours(Math.max(1, maxAgeHours)),
                maxMb.isPresent() ? Math.max(1, maxMb.getAsInt()) * (1L << 20) : d.maxBytes());
    }

    private static LoadLimits loadLimits(Reader r) {
        HttpLimits d = HttpLimits.DEFAULTS;
        int concurrent = r.integer("GANAKA_HTTP_MAX_CONCURRENT", d.maxConcurrent(), 1, 10_000);
        int queued = r.integer("GANAKA_HTTP_MAX_QUEUED", d.maxQueued(), 0, 100_000);
        int queueWaitMs = r.integer("GANAKA_HTTP_QUEUE_WAIT_MS", (int) d.queueWait().toMillis(), 1, 60_000);
        int connections = r.integer("GANAKA_HTTP_MAX_CONNECTIONS", d.maxConnections(), 1, 1_000_000);
        int publishTimeoutMs = r.integer("GANAKA_PUBLISH_TIMEOUT_MS", 2_000, 100, 60_000);
        int inFlight = r.integer("GANAKA_PUBLISH_MAX_IN_FLIGHT", 2_000, 1, 100_000);
        // Hikari refuses less than 250 ms.
        int dbTimeoutMs = r.integer("GANAKA_DB_CONNECTION_TIMEOUT_MS", 2_000, 250, 60_000);
        int redisPool = r.integer("GANAKA_REDIS_POOL_SIZE", 64, 1, 10_000);
        int redisTimeoutMs = r.integer("GANAKA_REDIS_TIMEOUT_MS", 2_000, 100, 60_000);
        // Out-of-range values are reported above; clamp so that building the record cannot fail before that.
        HttpLimits http = new HttpLimits(Math.max(1, concurrent), Math.max(0, queued),
                Duration.ofMillis(Math.max(1, queueWaitMs)), Math.max(1, connections));
        return new LoadLimits(http, Duration.ofMillis(publishTimeoutMs), Math.max(1, inFlight),
                Duration.ofMillis(dbTimeoutMs), Math.max(1, redisPool), Duration.ofMillis(redisTimeoutMs));
    }

    private static byte[] jwtSecret(Reader r, boolean dev, List<String> problems) {
        Optional<String> secret = r.string("JWT_SECRET", dev ? DEV_JWT_SECRET : null);
        if (secret.isEmpty()) {
            problems.add("JWT_SECRET is required outside dev (at least 32 bytes, e.g. `openssl rand -base64 48`)");
            return new byte[0];
        }
        byte[] bytes = secret.get().getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            problems.add("JWT_SECRET must be at least 32 bytes, got " + bytes.length);
        } else if (!dev && secret.get().equals(DEV_JWT_SECRET)) {
            problems.add("JWT_SECRET is the public dev secret; set a secret of your own outside dev");
        }
        return bytes;
    }

    /** Comma-separated exact origins: scheme, host and optional port, no path, never {@code *} or {@code null}. */
    static List<String> corsOrigins(String value, List<String> problems) {
        List<String> origins = new ArrayList<>();
        for (String entry : value.split(",")) {
            String origin = entry.strip();
            if (origin.isEmpty()) {
                continue;
            }
            if (!ORIGIN.matcher(origin).matches()) {
                problems.add("CORS_ORIGINS entries must be exact origins such as https://app.example.org"
                        + " (no path, no *, no null), got '" + origin + "'");
            } else if (!origins.contains(origin)) {
                origins.add(origin);
            }
        }
        return origins;
    }

    private static Naming naming(String prefix, List<String> problems) {
        try {
            return new Naming(prefix);
        } catch (IllegalArgumentException e) {
            problems.add("GANAKA_PREFIX: " + e.getMessage());
            return Naming.DEFAULT;
        }
    }

    /** Accepts a JDBC URL or a {@code postgres://user:pass@host:port/db} URI; turns on batched-insert rewriting. */
    static Optional<String> toJdbcUrl(String url, List<String> problems) {
        String jdbc;
        if (url.startsWith("jdbc:postgresql://")) {
            jdbc = url;
        } else if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                problems.add("DATABASE_URL is not a valid URI: " + e.getMessage());
                return Optional.empty();
            }
            if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
                problems.add("DATABASE_URL must name a host and a database, e.g. postgres://user@host:5432/ganaka");
                return Optional.empty();
            }
            StringBuilder b = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
            if (uri.getPort() > 0) {
                b.append(':').append(uri.getPort());
            }
            b.append(uri.getPath());
            List<String> params = new ArrayList<>();
            if (uri.getRawUserInfo() != null) {
                String[] userInfo = uri.getUserInfo().split(":", 2);
                params.add("user=" + encode(userInfo[0]));
                if (userInfo.length == 2) {
                    params.add("password=" + encode(userInfo[1]));
                }
            }
            if (uri.getRawQuery() != null) {
                params.add(uri.getRawQuery());
            }
            jdbc = b.append(params.isEmpty() ? "" : "?" + String.join("&", params)).toString();
        } else {
            problems.add("DATABASE_URL must start with jdbc:postgresql:// or postgres://");
            return Optional.empty();
        }
        if (!jdbc.contains("reWriteBatchedInserts=")) {
            jdbc += (jdbc.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        }
        return Optional.of(jdbc);
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Reads keys, treating blank values as unset, and records a problem for every bad value. */
    private record Reader(Map<String, String> env, List<String> problems) {

        Optional<String> string(String key, String defaultValue) {
            String value = env.get(key);
            return Optional.ofNullable(value == null || value.isBlank() ? defaultValue : value.trim());
        }

        int integer(String key, int defaultValue, int min, int max) {
            return optionalInteger(key, min, max).orElse(defaultValue);
        }

        OptionalInt optionalInteger(String key, int min, int max) {
            String value = env.get(key);
            if (value == null || value.isBlank()) {
                return OptionalInt.empty();
            }
            try {
                int parsed = Integer.parseInt(value.trim());
                if (parsed < min || parsed > max) {
                    problems.add(key + " must be between " + min + " and " + max + ", got " + parsed);
                }
                return OptionalInt.of(parsed);
            } catch (NumberFormatException e) {
                problems.add(key + " must be a whole number, got '" + value + "'");
                return OptionalInt.empty();
            }
        }

        boolean bool(String key, boolean defaultValue) {
            String value = string(key, null).orElse(null);
            if (value == null) {
                return defaultValue;
            }
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                problems.add(key + " must be true or false, got '" + value + "'");
                return defaultValue;
            }
            return Boolean.parseBoolean(value);
        }

        /** One URI or several, separated by commas, each checked like {@link #uri}. */
        String uris(String key, String defaultValue, String... schemes) {
            String value = string(key, defaultValue).orElseThrow();
            for (String one : value.split(",", -1)) {
                check(key, one.strip(), schemes);
            }
            return value;
        }

        String uri(String key, String defaultValue, String... schemes) {
            String value = string(key, defaultValue).orElseThrow();
            check(key, value, schemes);
            return value;
        }

        private void check(String key, String value, String... schemes) {
            try {
                URI uri = URI.create(value);
                if (uri.getScheme() == null || !List.of(schemes).contains(uri.getScheme()) || uri.getHost() == null) {
                    problems.add(key + " must look like " + schemes[0] + "://host:port, got '" + value + "'");
                }
            } catch (IllegalArgumentException e) {
                problems.add(key + " is not a valid URI: '" + value + "'");
            }
        }
    }
}
