package io.ganaka.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ganaka.testkit.FreePorts;
import io.ganaka.testkit.TestEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;

/**
 * Runs {@code ganaka dev} as its own process, as a developer would, with names and ports of its own: it serves the
 * README's walkthrough, and stopping it (SIGTERM, as Ctrl-C's SIGINT) leaves no process and no broker directory.
 */
class DevCommandIT {

    private static final Pattern BROKER_DIR = Pattern.compile("Kafka broker ready at \\S+ \\((.+)\\)");
    private static final Duration START_DEADLINE = Duration.ofSeconds(120);

    private final TestEnvironment env = TestEnvironment.shared();
    private final String prefix = env.prefix() + "_dev";
    private final String database = "ganaka_" + prefix;
    private Process process;
    private Path log;

    @AfterEach
    void cleanUp() throws Exception {
        if (log != null) {
            Files.deleteIfExists(log);
        }
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
        try (var c = DriverManager.getConnection(serverUrl("postgres"))) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
        try (var redis = RedisClient.create(java.net.URI.create(env.redisUrl()))) {
            var scan = new ScanParams().match("ganaka:" + prefix + ":*").count(500);
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                var page = redis.scan(cursor, scan);
                page.getResult().forEach(redis::del);
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
        // The dev JetStream stream is named <PREFIX>_DEV_GANAKA, which the shared environment removes at exit.
    }

    @Test
    void devServesTheWalkthroughAndLeavesNothingBehindWhenStopped() throws Exception {
        int port = FreePorts.next();
        log = Files.createTempFile("ganaka-dev-", ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"),
                        Ganaka.class.getName(), "dev")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.equals("KAFKA_BOOTSTRAP_SERVERS") || k.equals("JWT_SECRET"));
        builder.environment().putAll(Map.of(
                "DATABASE_URL", serverUrl(database),
                "REDIS_URL", env.redisUrl(),
                "NATS_URL", env.natsUrl(),
                "GANAKA_PREFIX", prefix,
                "GANAKA_HTTP_PORT", String.valueOf(port),
                "GANAKA_KAFKA_PARTITIONS", "1"));
        process = builder.start();

        await("ganaka dev ready").atMost(START_DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> output().stream().anyMatch(l -> l.contains("Press Ctrl-C to stop."))
                        || !process.isAlive());
        assertThat(process.isAlive()).as(String.join("\n", output())).isTrue();
        assertThat(output()).anySatisfy(l -> assertThat(l).contains("Dashboard  http://127.0.0.1:" + port + "/"));
        Path brokerDir = output().stream().map(BROKER_DIR::matcher).filter(Matcher::find)
                .map(m -> Path.of(m.group(1))).findFirst().orElseThrow();
        assertThat(brokerDir).exists();

        HttpJson http = new HttpJson(port);
        String email = "dev-" + UUID.randomUUID() + "@example.com";
        String password = "a long enough passphrase";
        assertThat(http.post("/auth/register", null, Map.of("email", email, "password", password)).status()).isEqualTo(202);
        String token = http.post("/auth/login", null, Map.of("email", email, "password", password)).body()
                .get("accessToken").asText();
        var posted = http.post("/expenses", token, Map.of("amount", "12.34", "currency", "EUR",
                "description", "Espresso", "occurredAt", "2026-03-15T08:30:00Z"));
        assertThat(posted.status()).isEqualTo(202);
        await("monthly total").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/reports/monthly/2026/3", token).body().toString(),
                        body -> body.contains("\"total\":\"12.34\""));

        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();

        assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(brokerDir).doesNotExist();
        assertThat(output()).anySatisfy(l -> assertThat(l).contains("Stopping Ganaka"));
    }

    /** What the process printed so far; it writes to a file so that nothing is lost when it exits. */
    private List<String> output() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String serverUrl(String db) {
        return env.jdbcUrl().replaceFirst("/ganaka_[a-z0-9_]+", "/" + db);
    }

}
