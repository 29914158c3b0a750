package io.ganaka.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ganaka.api.events.JetStreamPublisher;
import io.ganaka.app.reconcile.Difference;
import io.ganaka.app.reconcile.Difference.Kind;
import io.ganaka.app.reconcile.ReconcileReport;
import io.ganaka.app.reconcile.Reconciler;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.Json;
import io.ganaka.schemas.dashboard.DashboardKeys;
import io.ganaka.testkit.TestEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * The reconciler against the whole system: clean once a workload is projected, then each corruption of a projection
 * (Postgres rows, summaries, the Redis dashboard) reported with its kind and user, by the API and by the jar command.
 */
class ReconcileIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String SUFFIX = "-reconcile";

    private final TestEnvironment env = TestEnvironment.shared();
    private RunningSystem system;

    @AfterEach
    void stop() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    /** One difference as the test names it: which kind, for whom. */
    private record Found(Kind kind, UUID user) {}

    @SuppressWarnings("try") // jnats' Connection.close() may throw InterruptedException, which is passed on
    @Test
    void isCleanOnceProjectedAndReportsEachCorruptionWithItsKindAndUser() throws Exception {
        system = RunningSystem.start(env, SUFFIX, "ganaka-it-reconcile-");
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<UUID> users = new ArrayList<>();
        for (String name : List.of("ada", "bo", "cy")) {
            users.add(UUID.fromString(system.http().newSession(name + "-" + run + "@example.org").id()));
        }
        UUID ada = users.get(0);
        UUID bo = users.get(1);
        UUID cy = users.get(2);
        ExpenseLoad load = new ExpenseLoad(users);
        List<Event> events = load.next(300);
        try (var nats = Connections.nats(system.config(), "it-reconcile-load")) {
            var publisher = new JetStreamPublisher(nats, system.config().naming(), 1_000, Duration.ofSeconds(5));
            List<CompletableFuture<?>> acks = new ArrayList<>();
            events.forEach(e -> acks.add(publisher.publish(e)));
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        }
        long live = load.expected().values().stream().filter(e -> !e.deleted()).count();

        Reconciler reconciler = new Reconciler(system.config());
        Set<UUID> scope = Set.copyOf(users);
        ReconcileReport projected = await("projected and reconciled clean").atMost(DEADLINE)
                .pollInterval(Duration.ofMillis(500)).until(() -> reconciler.run(scope),
                        r -> r.clean() && r.dashboards() == users.size());
        assertThat(projected.users()).isEqualTo(3);
        assertThat(projected.expensesExpected()).isEqualTo(live).isEqualTo(projected.expensesStored());
        assertThat(projected.eventsRead()).isGreaterThanOrEqualTo(events.size() + users.size());
        assertThat(projected.perUser().get(ada).expected()).isEqualTo(projected.perUser().get(ada).stored());
        assertThat(command(users)).as("the command on a clean system").isZero();

        Set<Found> want = new HashSet<>();
        UUID gone = deleteOneLiveExpense(ada);
        want.addAll(found(ada, Kind.MISSING_EXPENSE, Kind.EXPENSE_TOTALS, Kind.MONTHLY_SUMMARY,
                Kind.CATEGORY_SUMMARY, Kind.USER_SUMMARY));
        ReconcileReport report = assertReports(reconciler, scope, want);
        assertThat(report.differences(Kind.MISSING_EXPENSE)).singleElement()
                .satisfies(d -> assertThat(d.detail()).contains(gone.toString()));

        sql("UPDATE expenses SET amount = amount + 1 WHERE user_id = ? AND id = (SELECT id FROM expenses"
                + " WHERE user_id = ? AND NOT deleted ORDER BY id LIMIT 1)", bo, bo);
        want.addAll(found(bo, Kind.DATA_MISMATCH, Kind.EXPENSE_TOTALS, Kind.MONTHLY_SUMMARY,
                Kind.CATEGORY_SUMMARY, Kind.USER_SUMMARY));
        assertReports(reconciler, scope, want);

        // A month other than the dashboard's, so that only the summary differs.
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        sql("UPDATE monthly_summaries SET total = total + 1 WHERE (user_id, year, month, currency) IN ("
                + "SELECT user_id, year, month, currency FROM monthly_summaries WHERE user_id = ? AND count > 0"
                + " AND (year, month) <> (" + now.getYear() + ", " + now.getMonthValue() + ") LIMIT 1)", cy);
        want.addAll(found(cy, Kind.MONTHLY_SUMMARY));
        assertReports(reconciler, scope, want);

        corruptDashboardTotal(cy);
        want.addAll(found(cy, Kind.DASHBOARD));
        assertReports(reconciler, scope, want);

        UUID stray = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(env.jdbcUrl()); PreparedStatement s = c.prepareStatement("""
                INSERT INTO expenses (user_id, id, version, amount, currency, description, occurred_at, created_at,
                                      updated_at, data_version)
                VALUES (?, ?, 1, 9.99, 'EUR', 'stray', now(), now(), now(), 1)""")) {
            s.setObject(1, cy);
            s.setObject(2, stray);
            s.executeUpdate();
        }
        want.addAll(found(cy, Kind.UNEXPECTED_EXPENSE, Kind.EXPENSE_TOTALS, Kind.CATEGORY_SUMMARY,
                Kind.USER_SUMMARY));
        report = assertReports(reconciler, scope, want);
        assertThat(report.differences(Kind.UNEXPECTED_EXPENSE)).singleElement()
                .satisfies(d -> assertThat(d.detail()).contains(stray.toString()));

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        report.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("user " + ada, "user " + bo, "user " + cy,
                "MISSING_EXPENSE: expense " + gone, "DASHBOARD: ");
        assertThat(jarCommand(users)).as("the jar's exit status with differences").isEqualTo(1);
    }

    private ReconcileReport assertReports(Reconciler reconciler, Set<UUID> scope, Set<Found> want) throws Exception {
        ReconcileReport report = reconciler.run(scope);
        Set<Found> got = new HashSet<>();
        for (Difference d : report.differences()) {
            got.add(new Found(d.kind(), d.userId()));
        }
        assertThat(got).as(report.differences().toString()).isEqualTo(want);
        assertThat(report.clean()).isFalse();
        return report;
    }

    private static Set<Found> found(UUID user, Kind... kinds) {
        Set<Found> found = new HashSet<>();
        for (Kind kind : kinds) {
            found.add(new Found(kind, user));
        }
        return found;
    }

    private UUID deleteOneLiveExpense(UUID user) throws Exception {
        try (Connection c = DriverManager.getConnection(env.jdbcUrl()); PreparedStatement s = c.prepareStatement(
                "DELETE FROM expenses WHERE user_id = ? AND id = (SELECT id FROM expenses WHERE user_id = ?"
                        + " AND NOT deleted ORDER BY id LIMIT 1) RETURNING id")) {
            s.setObject(1, user);
            s.setObject(2, user);
            try (var rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    private void sql(String statement, UUID... users) throws Exception {
        try (Connection c = DriverManager.getConnection(env.jdbcUrl());
             PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < users.length; i++) {
                s.setObject(i + 1, users[i]);
            }
            assertThat(s.executeUpdate()).as(statement).isEqualTo(1);
        }
    }

    /** Adds 1 to the first of the month's totals in the cached dashboard, leaving its version as it was. */
    private void corruptDashboardTotal(UUID user) throws Exception {
        String key = DashboardKeys.key(system.config().naming(), user.toString());
        try (RedisClient redis = RedisClient.create(URI.create(env.redisUrl()))) {
            ObjectNode state = (ObjectNode) Json.MAPPER.readTree(redis.hget(key, DashboardKeys.STATE_FIELD));
            ObjectNode total = (ObjectNode) state.get("dashboard").get("totals").get(0);
            assertThat(total).as("the dashboard has a total this month").isNotNull();
            total.put("total", new java.math.BigDecimal(total.get("total").asText()).add(java.math.BigDecimal.ONE)
                    .toPlainString());
            redis.hset(key, DashboardKeys.STATE_FIELD, Json.MAPPER.writeValueAsString(state));
        }
    }

    /** The environment the roles of this system read, for the command. */
    private Map<String, String> commandEnv() {
        Map<String, String> vars = new HashMap<>();
        vars.put("DATABASE_URL", env.jdbcUrl());
        vars.put("REDIS_URL", env.redisUrl());
        vars.put("NATS_URL", env.natsUrl());
        vars.put("GANAKA_PREFIX", system.config().naming().prefix());
        return vars;
    }

    private static List<String> userArgs(List<UUID> users) {
        List<String> args = new ArrayList<>();
        users.forEach(u -> args.addAll(List.of("--user", u.toString())));
        return args;
    }

    /** {@code reconcile} run in-process, as the jar's main method runs it. */
    private int command(List<UUID> users) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ReconcileCommand.run(userArgs(users), commandEnv(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("no differences: clean");
        return status;
    }

    /** {@code java -jar ganaka.jar reconcile --user ...} as a child process; its exit status. */
    private int jarCommand(List<UUID> users) throws Exception {
        Path jar = Path.of("target", "ganaka.jar").toAbsolutePath();
        assertThat(jar).as("built by the package phase").exists();
        Path output = Files.createTempFile("ganaka-reconcile-", ".log");
        try {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString(), "reconcile"));
            command.addAll(userArgs(users));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("GANAKA_"));
            builder.environment().putAll(commandEnv());
            Process process = builder.start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the command ends").isTrue();
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(printed).contains("MISSING_EXPENSE", "UNEXPECTED_EXPENSE", "DASHBOARD", "user " + users.get(0));
            return process.exitValue();
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
