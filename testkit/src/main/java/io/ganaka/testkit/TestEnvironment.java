package io.ganaka.testkit;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One isolated test run: a random prefix from which its database, Redis keys, JetStream streams and Kafka names
 * derive, the addresses of the services it uses, and {@link #close()}, which removes everything it created.
 * Services come from environment variables, else Testcontainers when Docker answers, else 127.0.0.1 and an
 * embedded Kafka broker (see {@link ServiceSources}).
 */
public final class TestEnvironment implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TestEnvironment.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Object SHARED_LOCK = new Object();
    // The one per-JVM environment that shared() hands out; a static by contract, closed by a shutdown hook.
    private static TestEnvironment shared;

    private final String prefix;
    private final ServiceSources sources;
    private Containers containers;
    private PostgresServer postgresServer;
    private String jdbcUrl;
    private String redisUrl;
    private String natsUrl;
    private EmbeddedKafkaBroker broker;
    private String kafkaBootstrapServers;
    private boolean closed;

    TestEnvironment(String prefix, ServiceSources sources) {
        this.prefix = prefix;
        this.sources = sources;
    }

    /** The environment shared by every test in this JVM; created on first call, closed when the JVM exits. */
    public static TestEnvironment shared() {
        synchronized (SHARED_LOCK) {
            if (shared == null || shared.isClosed()) {
                TestEnvironment created = start();
                Runtime.getRuntime().addShutdownHook(new Thread(created::closeQuietly, "ganaka-test-environment-cleanup"));
                shared = created;
            }
            return shared;
        }
    }

    /** A fresh, isolated environment with its own prefix; the caller closes it. Services are reached lazily. */
    public static TestEnvironment start() {
        TestEnvironment environment = new TestEnvironment(newPrefix(), ServiceSources.fromSystem());
        LOG.info("Test environment {}: postgres {}, redis {}, nats {}, kafka {}", environment.prefix,
                environment.sources.postgres().origin(), environment.sources.redis().origin(),
                environment.sources.nats().origin(), environment.sources.kafka().origin());
        return environment;
    }

    /** "t" and ten random lower-case hex digits; valid as a {@code Naming} prefix. */
    public String prefix() {
        return prefix;
    }

    /** JDBC URL of this run's own empty database, created on the first call (not migrated). */
    public synchronized String jdbcUrl() {
        ensureOpen();
        if (jdbcUrl == null) {
            String serverUrl = switch (sources.postgres().origin()) {
                case CONTAINER -> containers().postgresServerUrl();
                case ENVIRONMENT, LOCAL -> sources.postgres().url();
            };
            PostgresServer server = PostgresServer.parse(serverUrl);
            server.createDatabase(databaseName());
            postgresServer = server;
            jdbcUrl = server.jdbcUrl(databaseName());
        }
        return jdbcUrl;
    }

    /** The database's name: {@code ganaka_<prefix>}. */
    public String databaseName() {
        return "ganaka_" + prefix;
    }

    public synchronized String redisUrl() {
        ensureOpen();
        if (redisUrl == null) {
            redisUrl = sources.redis().origin() == ServiceSources.Origin.CONTAINER ? containers().redisUrl() : sources.redis().url();
        }
        return redisUrl;
    }

    /** "ganaka:" + prefix + ":"; keys of sub-namespaces ("ganaka:" + prefix + "-…" or "_…") are removed at close too. */
    public String redisKeyPrefix() {
        return "ganaka:" + prefix + ":";
    }

    public synchronized String natsUrl() {
        ensureOpen();
        if (natsUrl == null) {
            natsUrl = sources.nats().origin() == ServiceSources.Origin.CONTAINER ? containers().natsUrl() : sources.nats().url();
        }
        return natsUrl;
    }

    /** Kafka bootstrap servers; the embedded broker is started on the first call unless KAFKA_BOOTSTRAP_SERVERS is set. */
    public synchronized String kafkaBootstrapServers() {
        ensureOpen();
        if (kafkaBootstrapServers == null) {
            kafkaBootstrapServers = switch (sources.kafka().origin()) {
                case ENVIRONMENT -> sources.kafka().url();
                case CONTAINER -> containers().kafkaBootstrapServers();
                case LOCAL -> {
                    broker = EmbeddedKafkaBroker.start();
                    yield broker.bootstrapServers();
                }
            };
        }
        return kafkaBootstrapServers;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /**
     * Removes what this run created: drops the database, deletes the Redis keys under the prefix and the JetStream
     * streams named after it, deletes its topics from an external Kafka, and stops the embedded broker and any
     * containers. Idempotent; throws after trying every step if one of them failed.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Exception> failures = new ArrayList<>();
        if (postgresServer != null) {
            attempt(failures, () -> postgresServer.dropDatabase(databaseName()));
        }
        if (redisUrl != null) {
            attempt(failures, () -> PrefixCleanup.deleteRedisKeys(redisUrl, redisKeyPrefix()));
            // Sub-namespaces a test derives from the prefix ("<prefix>-x", "<prefix>_dev"), as the streams below.
            attempt(failures, () -> PrefixCleanup.deleteRedisKeys(redisUrl, "ganaka:" + prefix + "-"));
            attempt(failures, () -> PrefixCleanup.deleteRedisKeys(redisUrl, "ganaka:" + prefix + "_"));
        }
        if (natsUrl != null) {
            attempt(failures, () -> PrefixCleanup.deleteStreams(natsUrl, prefix.toUpperCase() + "_"));
        }
        if (kafkaBootstrapServers != null && sources.kafka().origin() == ServiceSources.Origin.ENVIRONMENT) {
            // A broker of our own (embedded or container) goes away whole; a shared one keeps only what others made.
            attempt(failures, () -> PrefixCleanup.deleteTopics(kafkaBootstrapServers, prefix));
        }
        if (broker != null) {
            attempt(failures, broker::close);
        }
        if (containers != null) {
            attempt(failures, containers::close);
        }
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("test environment " + prefix
                    + " was not fully cleaned up: " + failures.stream().map(Exception::getMessage).collect(Collectors.joining("; ")));
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "TestEnvironment[" + prefix + "]";
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            // Fires from the shutdown hook only; there is no caller left to throw to.
            LOG.warn("{}", e.getMessage(), e);
        }
    }

    /** The embedded broker's directory while one runs for this environment (for tests of the cleanup). */
    synchronized Optional<Path> embeddedBrokerDir() {
        return Optional.ofNullable(broker).map(EmbeddedKafkaBroker::logDir);
    }

    private Containers containers() {
        if (containers == null) {
            containers = new Containers();
        }
        return containers;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("test environment " + prefix + " is closed");
        }
    }

    private static String newPrefix() {
        byte[] bytes = new byte[5];
        RANDOM.nextBytes(bytes);
        return "t" + HexFormat.of().formatHex(bytes);
    }

    private static void attempt(List<Exception> failures, CleanupStep step) {
        try {
            step.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add(e);
        } catch (Exception e) {
            failures.add(e);
        }
    }

    /** One step of {@link #close()}; may throw whatever its client throws. */
    @FunctionalInterface
    private interface CleanupStep {
        void run() throws Exception;
    }
}
