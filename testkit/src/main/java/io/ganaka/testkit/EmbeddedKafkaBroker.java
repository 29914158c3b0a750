package io.ganaka.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running inside this JVM, on free
 * ports of 127.0.0.1 and its own temporary log directory. Tests and {@code ganaka dev} use it; {@link #close()}
 * stops it and removes the directory.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration READY_DEADLINE = Duration.ofSeconds(60);
    // Another process may take a port between FreePorts.next() and the bind; a fresh pair of ports fixes that.
    private static final int START_ATTEMPTS = 3;

    private final Path logDir;
    private final String bootstrapServers;
    private final KafkaConfig config;
    private final AtomicBoolean closed = new AtomicBoolean();
    // Replaced by startAgain(): a stopped KafkaRaftServer cannot be started a second time.
    private KafkaRaftServer server;
    private boolean running = true;

    private EmbeddedKafkaBroker(KafkaRaftServer server, Path logDir, String bootstrapServers, KafkaConfig config) {
        this.server = server;
        this.logDir = logDir;
        this.bootstrapServers = bootstrapServers;
        this.config = config;
    }

    /**
     * Formats a fresh log directory, starts the broker and returns once it answers an admin request.
     *
     * @throws IllegalStateException when the broker cannot be started or does not answer within 60 s
     */
    public static EmbeddedKafkaBroker start() {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return startOnce();
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                last = e;
                LOG.warn("Kafka broker start attempt {}/{} failed: {}", attempt, START_ATTEMPTS, e.getMessage());
            }
        }
        throw new IllegalStateException("could not start an embedded Kafka broker after " + START_ATTEMPTS
                + " attempts: " + last.getMessage(), last);
    }

    /** host:port of the PLAINTEXT listener, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The broker's own temporary directory (log and metadata); gone after {@link #close()}. */
    public Path logDir() {
        return logDir;
    }

    /**
     * Stops the broker as a restart would (a controlled shutdown), keeping its directory, so that
     * {@link #startAgain()} brings back the same broker with its topics, offsets and transactions: for fault tests.
     */
    public synchronized void stop() {
        if (running && !closed.get()) {
            server.shutdown();
            server.awaitShutdown();
            running = false;
            LOG.info("Kafka broker at {} stopped (data kept in {})", bootstrapServers, logDir);
        }
    }

    /** Starts the broker stopped by {@link #stop()} again, on the same ports and directory, and waits until it answers. */
    public synchronized void startAgain() {
        if (closed.get()) {
            throw new IllegalStateException("the Kafka broker at " + bootstrapServers + " is closed");
        }
        if (running) {
            return;
        }
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        running = true;
        try {
            awaitReady(bootstrapServers);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restarting the Kafka broker at " + bootstrapServers, e);
        }
        LOG.info("Kafka broker at {} started again", bootstrapServers);
    }

    /** Stops the broker, waits until it has stopped, and deletes its directory. Safe to call more than once. */
    @Override
    public synchronized void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (running) {
                server.shutdown();
                server.awaitShutdown();
            }
        } finally {
            deleteRecursively(logDir);
            LOG.info("Kafka broker at {} stopped ({} removed)", bootstrapServers, logDir);
        }
    }

    private static EmbeddedKafkaBroker startOnce() {
        Path dir = createLogDir();
        KafkaRaftServer server = null;
        try {
            int brokerPort = FreePorts.next();
            int controllerPort = otherFreePort(brokerPort);
            KafkaConfig config = new KafkaConfig(brokerProperties(dir, brokerPort, controllerPort), false);
            format(config, dir);
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            String bootstrap = HOST + ":" + brokerPort;
            awaitReady(bootstrap);
            LOG.info("Kafka broker ready at {} ({})", bootstrap, dir);
            return new EmbeddedKafkaBroker(server, dir, bootstrap, config);
        } catch (RuntimeException | Error e) {
            stopQuietly(server);
            deleteRecursively(dir);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopQuietly(server);
            deleteRecursively(dir);
            throw new IllegalStateException("interrupted while starting the Kafka broker in " + dir, e);
        } catch (Exception e) {
            stopQuietly(server);
            deleteRecursively(dir);
            throw new IllegalStateException("Kafka broker failed to start in " + dir + ": " + e, e);
        }
    }

    private static Properties brokerProperties(Path dir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dir.toString());
        // One node: every internal topic must fit on it, or groups and transactions never become available.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "true");
        // Tests start groups often; the default 3 s delay would slow every first rebalance.
        p.put("group.initial.rebalance.delay.ms", "0");
        // The cleaner's default 128 MB dedupe buffer is far more than a development broker needs.
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        return p;
    }

    private static void format(KafkaConfig config, Path dir) throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))
                .setNodeId(NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setMetadataLogDirectory(config.metadataLogDir())
                .addDirectory(dir.toString())
                .run();
    }

    private static void awaitReady(String bootstrap) throws InterruptedException {
        long deadline = System.nanoTime() + READY_DEADLINE.toNanos();
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 100);
        Exception lastFailure = null;
        try (Admin admin = Admin.create(adminConfig)) {
            while (System.nanoTime() < deadline) {
                try {
                    Collection<Node> nodes = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    if (!nodes.isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    // Not answering yet: the broker is still catching up with its own metadata log.
                    lastFailure = e;
                }
            }
        }
        throw new IllegalStateException("Kafka broker at " + bootstrap + " did not answer within "
                + READY_DEADLINE.toSeconds() + " s" + (lastFailure == null ? "" : ": " + lastFailure), lastFailure);
    }

    private static int otherFreePort(int taken) {
        int port = FreePorts.next();
        while (port == taken) {
            port = FreePorts.next();
        }
        return port;
    }

    private static Path createLogDir() {
        try {
            return Files.createTempDirectory("ganaka-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a log directory for the embedded Kafka broker", e);
        }
    }

    private static void stopQuietly(KafkaRaftServer server) {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            // Fires only while cleaning up after a failed start; the start failure is what the caller needs to see.
            LOG.warn("Kafka broker did not shut down cleanly after a failed start", e);
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete " + path, e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
