package io.ganaka.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.ganaka.api.events.JetStreamPublisher;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.Json;
import io.ganaka.schemas.dashboard.Dashboard;
import io.ganaka.schemas.dashboard.DashboardKeys;
import io.ganaka.schemas.dashboard.DashboardQueries;
import io.ganaka.schemas.dashboard.DashboardState;
import io.ganaka.testkit.FreePorts;
import io.ganaka.testkit.TestEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;

/**
 * Killing the sinks role (SIGKILL, its own process) in the middle of a steady stream of expense events and starting
 * it again leaves Postgres and Redis exactly right: every expense at its last version, every report equal to its
 * recomputation from {@code expenses}, every dashboard equal to its rebuild from Postgres, each alert and each
 * notification once.
 */
class SinksCrashIT {

    private static final Logger LOG = LoggerFactory.getLogger(SinksCrashIT.class);
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String SUFFIX = "-crash";
    private static final int CHUNKS = 10;
    private static final int CHUNK = 150;

    private final TestEnvironment env = TestEnvironment.shared();
    private final List<Path> logs = new ArrayList<>();
    private GreenMail mail;
    private RunningSystem upstream;
    private Process sinks;

    @AfterEach
    void stopEverything() throws Exception {
        if (sinks != null && sinks.isAlive()) {
            sinks.destroyForcibly().waitFor();
        }
        if (upstream != null) {
            upstream.close();
        }
        if (mail != null) {
            mail.stop();
        }
        for (Path log : logs) {
            Files.deleteIfExists(log);
        }
    }

    @SuppressWarnings("try") // jnats' Connection.close() may throw InterruptedException, which is passed on
    @Test
    void killingTheSinksMidStreamAndRestartingThemLeavesPostgresAndRedisExactlyRight() throws Exception {
        int smtpPort = FreePorts.next();
        mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
        mail.start();
        Map<String, String> smtp = Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT", Integer.toString(smtpPort),
                "GANAKA_NOTIFY_POLL_MS", "50");
        upstream = RunningSystem.start(env, SUFFIX, "ganaka-it-crash-", EnumSet.of(Role.API, Role.BRIDGE,
                Role.STREAMS), smtp);
        List<UUID> users = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (String name : List.of("devi", "emil", "fatou")) {
            users.add(UUID.fromString(upstream.http().newSession(name + "-" + run + "@example.org").id()));
        }
        UserRows rows = new UserRows(env.jdbcUrl(), users);
        ExpenseLoad load = new ExpenseLoad(users);
        List<List<Event>> chunks = new ArrayList<>();
        for (int i = 0; i < CHUNKS; i++) {
            chunks.add(load.next(CHUNK));
        }
        Map<UUID, ExpenseLoad.Expected> expected = load.expected();
        assertThat(load.highValue()).as("high-value expenses in the load").isNotEmpty();
        sinks = startSinks(smtp);

        try (var nats = Connections.nats(upstream.config(), "it-crash-load")) {
            var publisher = new JetStreamPublisher(nats, upstream.config().naming(), 2_000, Duration.ofSeconds(5));
            CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> publishPaced(publisher, chunks,
                    rows));

            await("a third of the expenses projected").atMost(DEADLINE).pollInterval(Duration.ofMillis(20))
                    .until(() -> rows.expenseRows() >= expected.size() / 3);
            sinks.destroyForcibly();
            assertThat(sinks.waitFor(30, TimeUnit.SECONDS)).isTrue();
            int atKill = rows.expenseRows();
            assertThat(atKill).as("killed mid-stream").isStrictlyBetween(0, expected.size());
            LOG.info("sinks killed with {} of {} expenses projected", atKill, expected.size());

            sinks = startSinks(smtp);
            publishing.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            LOG.info("all {} events published and acknowledged", CHUNKS * CHUNK);
        }

        try (RedisClient redis = RedisClient.create(URI.create(env.redisUrl()));
             SinkGroups groups = new SinkGroups(upstream.kafkaBootstrapServers(), upstream.config().naming())) {
            // Notifications the killed dispatcher had claimed stay pending until their lease ends (minutes), so
            // drained means every sink group caught up; the notification rows themselves are checked below.
            await("drained").atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                assertThat(groups.groups()).containsAll(groups.expectedGroups());
                assertThat(groups.behind()).isEmpty();
            });
            LOG.info("every sink group caught up");
            await("converged").atMost(DEADLINE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(rows.expenses()).isEqualTo(expected);
                assertThat(rows.reportsDifferingFromExpenses()).isEmpty();
                for (UUID user : users) {
                    assertThat(cachedDashboard(redis, user)).as("dashboard of " + user)
                            .isEqualTo(rebuiltDashboard(user));
                }
            });
        }
        assertThat(rows.column(
                "SELECT data->>'expenseId' FROM alerts WHERE user_id = ANY(?) AND kind = 'high-value'"))
                .as("one high-value alert per high-value expense")
                .containsExactlyInAnyOrderElementsOf(load.highValue().stream().map(UUID::toString).toList());
        assertThat(rows.column("""
                SELECT kind || ' ' || (data->>'expenseId') FROM alerts
                WHERE user_id = ANY(?) AND kind <> 'budget-threshold' GROUP BY 1 HAVING count(*) > 1"""))
                .as("each alert raised once").isEmpty();
        assertThat(rows.column("""
                SELECT source_event_id || ' ' || channel FROM notifications WHERE user_id = ANY(?)
                GROUP BY source_event_id, channel HAVING count(*) > 1""")).as("no duplicate notifications")
                .isEmpty();
        assertThat(rows.column("""
                SELECT a.alert_id::text FROM alerts a WHERE a.user_id = ANY(?) AND a.kind = 'high-value'
                  AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = a.user_id
                                  AND n.source_event_id = a.alert_id AND n.channel = 'email')"""))
                .as("every high-value alert notified by e-mail").isEmpty();
    }

    /**
     * Publishes the chunks in order, each only once the expenses three chunks back are projected: a steady stream at
     * the pace of the sinks, which waits while they are down.
     */
    private static void publishPaced(JetStreamPublisher publisher, List<List<Event>> chunks, UserRows rows) {
        List<Integer> rowsAfter = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < chunks.size(); i++) {
            if (i >= 3) {
                int needed = rowsAfter.get(i - 3);
                await("chunk " + (i - 3) + " projected").atMost(DEADLINE).pollInterval(Duration.ofMillis(50))
                        .until(() -> rows.expenseRows() >= needed);
            }
            List<CompletableFuture<?>> acks = new ArrayList<>();
            for (Event event : chunks.get(i)) {
                acks.add(publisher.publish(event)); // each must be stored: a failed publish fails the test
                ids.add(Json.MAPPER.valueToTree(event.data()).get("expenseId").asText());
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
            rowsAfter.add(ids.size());
        }
    }

    private Process startSinks(Map<String, String> smtp) throws IOException {
        Path jar = Path.of("target", "ganaka.jar").toAbsolutePath();
        assertThat(jar).as("built by the package phase").exists();
        Path log = Files.createTempFile("ganaka-sinks-", ".log");
        logs.add(log);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Quick to start on a small machine: the child lives for seconds, C1 code is fast enough.
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString(), "sinks")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> vars = builder.environment();
        vars.keySet().removeIf(k -> k.startsWith("GANAKA_") || k.startsWith("SMTP_"));
        vars.putAll(Map.of("DATABASE_URL", env.jdbcUrl(), "REDIS_URL", env.redisUrl(), "NATS_URL", env.natsUrl(),
                "KAFKA_BOOTSTRAP_SERVERS", upstream.kafkaBootstrapServers(), "GANAKA_PREFIX", env.prefix() + SUFFIX,
                "GANAKA_KAFKA_PARTITIONS", "2", "JWT_SECRET", UUID.randomUUID() + "-" + UUID.randomUUID(),
                // The killed process never leaves its groups: the restarted one takes over after this session.
                "GANAKA_SINKS_SESSION_TIMEOUT_MS", "6000"));
        vars.putAll(smtp);
        Process process = builder.start();
        await("sinks process ready").atMost(DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> output(log).contains("Ganaka running roles [sinks]") || !process.isAlive());
        assertThat(process.isAlive()).as(output(log)).isTrue();
        LOG.info("sinks process {} running", process.pid());
        return process;
    }

    private static String output(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Dashboard cachedDashboard(RedisClient redis, UUID user) throws Exception {
        String state = redis.hget(DashboardKeys.key(upstream.config().naming(), user.toString()),
                DashboardKeys.STATE_FIELD);
        return state == null ? null : Json.MAPPER.readValue(state, DashboardState.class).dashboard().withVersion(0);
    }

    private Dashboard rebuiltDashboard(UUID user) throws Exception {
        try (Connection c = DriverManager.getConnection(env.jdbcUrl())) {
            return DashboardQueries.load(c, user, "UTC", YearMonth.now(ZoneOffset.UTC)).toState(0).dashboard();
        }
    }

}
