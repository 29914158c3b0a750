package io.ganaka.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.sql.Migrator;
import io.ganaka.testkit.EmbeddedKafkaBroker;
import io.ganaka.testkit.FreePorts;
import io.ganaka.testkit.TcpProxy;
import io.ganaka.testkit.TestEnvironment;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.ConsumerInfo;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole Ganaka deployment for fault tests, each role in a process of its own ({@code ganaka.jar <role>}), against
 * services this test may break without touching anyone else's: a private NATS server (JetStream on a directory of its
 * own) and a private Redis server, both child processes; a private embedded Kafka broker; the shared Postgres behind a
 * {@link TcpProxy}, as is Redis; and an SMTP server (GreenMail) behind a proxy that can make it hang.
 */
@SuppressWarnings("try") // closes jnats connections and child processes, which may throw InterruptedException
final class FaultSystem implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FaultSystem.class);
    static final Duration START_DEADLINE = Duration.ofSeconds(120);
    private static final Pattern JDBC_HOST = Pattern.compile("^jdbc:postgresql://([^/:?]+)(?::(\\d+))?/");

    private final TestEnvironment env;
    private final String prefix;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final Map<Role, ChildProcess> roles = new EnumMap<>(Role.class);
    private final String jwtSecret = UUID.randomUUID() + "-" + UUID.randomUUID();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Path natsDir;
    private Path streamsStateDir;
    private ChildProcess nats;
    private int natsPort;
    private ChildProcess redis;
    private int redisPort;
    private TcpProxy redisProxy;
    private TcpProxy postgresProxy;
    private TcpProxy smtpProxy;
    private EmbeddedKafkaBroker kafka;
    private int apiPort;
    private GanakaConfig config;

    private FaultSystem(TestEnvironment env, String prefix) {
        this.env = env;
        this.prefix = prefix;
    }

    /** Starts the services, migrates, and starts the four roles, each in its own process. */
    static FaultSystem start(TestEnvironment env, String prefixSuffix, int smtpPort) throws Exception {
        FaultSystem system = new FaultSystem(env, env.prefix() + prefixSuffix);
        try {
            system.startServices(smtpPort);
            // Provisioned here, so that the four processes find the stream and topics and can start at once.
            try (var nats = Connections.nats(system.config, "fault-provisioning")) {
                Provisioning.ensureEventStream(nats, system.config.naming());
            }
            Provisioning.ensureTopics(system.kafka.bootstrapServers(), system.config.naming(),
                    system.config.kafkaPartitions(), system.config.kafkaReplicationFactor());
            List<Role> all = List.of(Role.SINKS, Role.STREAMS, Role.BRIDGE, Role.API);
            long began = System.nanoTime();
            for (Role role : all) {
                system.process(role).launch();
            }
            for (Role role : all) {
                system.awaitRole(role, began);
            }
            return system;
        } catch (Exception | Error e) {
            system.close();
            throw e;
        }
    }

    private void startServices(int smtpPort) throws Exception {
        natsDir = Files.createTempDirectory("ganaka-fault-nats-");
        streamsStateDir = Files.createTempDirectory("ganaka-fault-streams-");
        natsPort = FreePorts.next();
        nats = remember(new ChildProcess("nats", List.of("/usr/sbin/nats-server", "-js", "-a", "127.0.0.1", "-p",
                Integer.toString(natsPort), "-sd", natsDir.toString()), Map.of()));
        startNats();
        redisPort = FreePorts.next();
        redis = remember(new ChildProcess("redis", List.of("/usr/bin/redis-server", "--port",
                Integer.toString(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"), Map.of()));
        startRedis();
        redisProxy = remember(TcpProxy.start("127.0.0.1", redisPort));
        Matcher db = JDBC_HOST.matcher(env.jdbcUrl());
        assertThat(db.find()).as("a PostgreSQL URL with a host: " + env.jdbcUrl()).isTrue();
        postgresProxy = remember(TcpProxy.start(db.group(1), db.group(2) == null ? 5432
                : Integer.parseInt(db.group(2))));
        smtpProxy = remember(TcpProxy.start("127.0.0.1", smtpPort));
        kafka = remember(EmbeddedKafkaBroker.start());
        apiPort = FreePorts.next();
        config = GanakaConfig.load(directVars(), false);
        try (var pool = Connections.postgres(config, "fault-migrate")) {
            Migrator.migrate(pool);
        }
    }

    void startNats() {
        nats.start(START_DEADLINE, () -> nats.output().contains("Server is ready") && accepts(natsPort));
    }

    void startRedis() {
        redis.start(START_DEADLINE, () -> redis.output().contains("Ready to accept connections"));
    }

    /** The variables of a role: everything through the proxies, except NATS (restarted, never proxied). */
    private Map<String, String> roleVars(Role role) {
        Map<String, String> vars = new HashMap<>();
        Matcher db = JDBC_HOST.matcher(env.jdbcUrl());
        assertThat(db.find()).isTrue();
        vars.put("DATABASE_URL", db.replaceFirst("jdbc:postgresql://127.0.0.1:" + postgresProxy.port() + "/"));
        vars.put("GANAKA_DB_POOL_SIZE", "4");
        vars.put("REDIS_URL", "redis://127.0.0.1:" + redisProxy.port());
        vars.put("NATS_URL", "nats://127.0.0.1:" + natsPort);
        vars.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        vars.put("GANAKA_PREFIX", prefix);
        vars.put("GANAKA_KAFKA_PARTITIONS", "2");
        vars.put("JWT_SECRET", jwtSecret);
        vars.put("GANAKA_HTTP_PORT", role == Role.API ? Integer.toString(apiPort) : "0");
        vars.put("GANAKA_STATE_DIR", streamsStateDir.toString());
        // The killed or paused process never leaves its groups: another takes over after this session.
        vars.put("GANAKA_SINKS_SESSION_TIMEOUT_MS", "6000");
        // What a killed bridge held comes back after this rather than the default minute.
        vars.put("GANAKA_BRIDGE_ACK_WAIT_SECONDS", "10");
        vars.put("SMTP_HOST", "127.0.0.1");
        vars.put("SMTP_PORT", Integer.toString(smtpProxy.port()));
        vars.put("GANAKA_NOTIFY_POLL_MS", "100");
        vars.put("GANAKA_NOTIFY_RETRY_BASE_MS", "200");
        vars.put("GANAKA_NOTIFY_RETRY_MAX_MS", "2000");
        vars.put("GANAKA_NOTIFY_MAX_ATTEMPTS", "30");
        return vars;
    }

    /** The configuration the test itself reads with: the same names, straight to the services. */
    private Map<String, String> directVars() {
        Map<String, String> vars = roleVars(Role.SINKS);
        vars.put("DATABASE_URL", env.jdbcUrl());
        vars.put("REDIS_URL", "redis://127.0.0.1:" + redisPort);
        return vars;
    }

    /** Starts (again) the process of {@code role} and waits until it runs. */
    void startRole(Role role) {
        long began = System.nanoTime();
        process(role).launch();
        awaitRole(role, began);
    }

    private ChildProcess process(Role role) {
        return roles.computeIfAbsent(role, r -> {
            Path jar = Path.of("target", "ganaka.jar").toAbsolutePath();
            assertThat(jar).as("built by the package phase").exists();
            return remember(new ChildProcess(r.cliName(), List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // Quick to start on a small machine; C1 code is fast enough for a test.
                    "-Xmx320m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString(),
                    r.cliName()), roleVars(r)));
        });
    }

    private void awaitRole(Role role, long began) {
        ChildProcess process = roles.get(role);
        process.awaitReady(START_DEADLINE, () -> process.output().contains("Ganaka running roles")
                && (role != Role.API || ready()));
        LOG.info("role {} running as process {} ({} ms to start)", role.cliName(), process.pid(),
                (System.nanoTime() - began) / 1_000_000);
    }

    ChildProcess role(Role role) {
        return roles.get(role);
    }

    /** Whether the API answers {@code /ready} with 200 (every dependency up). */
    boolean ready() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * How many JetStream messages the bridge has not yet forwarded and acknowledged; asked over a connection of its
     * own, as NATS may have been restarted since the last question.
     */
    long bridgeBacklog() throws IOException, InterruptedException, JetStreamApiException {
        Options options = new Options.Builder().server(config.natsUrl()).connectionTimeout(Duration.ofSeconds(3))
                .maxReconnects(0).build();
        try (Connection connection = Nats.connect(options)) {
            ConsumerInfo info = connection.jetStreamManagement().getConsumerInfo(config.naming().streamName(),
                    config.naming().bridgeConsumer());
            return info.getNumPending() + info.getNumAckPending();
        }
    }

    GanakaConfig config() {
        return config;
    }

    HttpJson http() {
        return new HttpJson(apiPort);
    }

    int apiPort() {
        return apiPort;
    }

    String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    EmbeddedKafkaBroker kafka() {
        return kafka;
    }

    ChildProcess nats() {
        return nats;
    }

    ChildProcess redis() {
        return redis;
    }

    TcpProxy postgresProxy() {
        return postgresProxy;
    }

    TcpProxy redisProxy() {
        return redisProxy;
    }

    TcpProxy smtpProxy() {
        return smtpProxy;
    }

    /** The output of every process, for a failure message. */
    String logs(int charsEach) {
        StringBuilder out = new StringBuilder();
        roles.forEach((role, process) -> out.append("\n--- ").append(role.cliName()).append(" ---\n")
                .append(process.tail(charsEach)));
        return out.toString();
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private <T extends AutoCloseable> T remember(T closeable) {
        open.add(closeable);
        return closeable;
    }

    @Override
    public void close() throws Exception {
        List<Exception> failures = new ArrayList<>();
        // Roles first (they were remembered last), then the services they used.
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception e) {
                failures.add(e);
            }
        }
        for (Path dir : new Path[] {natsDir, streamsStateDir}) {
            if (dir != null) {
                try (var paths = Files.walk(dir)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
        if (!failures.isEmpty()) {
            Exception first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }
}
