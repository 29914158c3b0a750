package io.ganaka.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.ganaka.app.reconcile.ReconcileReport;
import io.ganaka.app.reconcile.Reconciler;
import io.ganaka.schemas.dashboard.DashboardKeys;
import io.ganaka.testkit.FreePorts;
import io.ganaka.testkit.TestEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;

/**
 * The fault suite (issue 9): under a steady write load on the API, in turn, kill -9 and restart each role (bridge,
 * streams, sinks, api), restart Kafka and NATS, cut Postgres and Redis for a while, restart Redis empty, make the SMTP
 * server hang, and pause the sinks process past its session timeout. After each, with the load stopped and the
 * system drained: no write acknowledged (2xx) is missing from {@code expenses}, none is there twice, nothing is there
 * that was never attempted, the API never answered a 5xx other than 503, and the system reconciles.
 *
 * <p>The short form runs in {@code ./ganaka test}; the long form ({@code -Dganaka.faults=long}: more users, a higher
 * rate, 30 s outages, three rounds) by hand, see {@code docs/reliability.md}.
 */
class FaultSuiteIT {

    private static final Logger LOG = LoggerFactory.getLogger(FaultSuiteIT.class);

    /** How big and how long: the short form for every build, the long form by hand. */
    record Form(String name, int users, int rate, int warmSeconds, int afterSeconds, int outageSeconds, int rounds) {
        static Form fromSystem() {
            Form form = "long".equals(System.getProperty("ganaka.faults"))
                    // 10 users: the API registers at most 10 accounts an hour from one address, and the suite is one.
                    ? new Form("long", 10, 200, 10, 10, 30, 3)
                    : new Form("short", 4, 50, 2, 2, 5, 1);
            // -Dganaka.faults.rounds=N runs a form with another number of rounds.
            int rounds = Integer.getInteger("ganaka.faults.rounds", form.rounds());
            return new Form(form.name(), form.users(), form.rate(), form.warmSeconds(), form.afterSeconds(),
                    form.outageSeconds(), Math.max(1, rounds));
        }
    }

    /** One fault: injects it and returns once it has ended (the process restarted, the service back). */
    @FunctionalInterface
    interface Fault {
        void run() throws Exception;
    }

    /** What one scenario measured, as docs/reliability.md lists it. */
    record Figures(String scenario, int sent, int accepted, int projected, int lost, int unexpected, int duplicated,
                   Map<Integer, Long> statuses, long notSent, long recoveryMillis, long drainMillis) {
        @Override
        public String toString() {
            return String.format("| %s | %d | %d | %d | %d | %d | %d | %s | %s | %.1f s |", scenario, sent, accepted,
                    projected, lost, unexpected, duplicated, statuses, notSent == 0 ? "0" : notSent + " not sent",
                    recoveryMillis / 1000.0);
        }
    }

    private static final Duration RECOVERY_DEADLINE = Duration.ofSeconds(120);
    private static final Duration DRAIN_DEADLINE = Duration.ofSeconds(120);
    /** Access tokens live 15 minutes; a long run logs in again well before. */
    private static final Duration TOKEN_REFRESH = Duration.ofMinutes(10);

    private final TestEnvironment env = TestEnvironment.shared();
    private final Form form = Form.fromSystem();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private GreenMail mail;
    private FaultSystem system;
    private WriteLoad load;
    private RedisClient redis;
    private final List<UUID> userIds = new ArrayList<>();
    private final List<String> emails = new ArrayList<>();
    private final String password = "correct horse battery " + UUID.randomUUID();
    private long loggedIn;

    @AfterEach
    void stopEverything() throws Exception {
        if (load != null) {
            load.close();
        }
        if (redis != null) {
            redis.close();
        }
        if (system != null) {
            system.close();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void underASteadyWriteLoadNoFaultLosesDuplicatesOrInventsAWriteNorAnswers500() throws Exception {
        long began = System.nanoTime();
        int smtpPort = FreePorts.next();
        mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
        mail.start();
        system = FaultSystem.start(env, "-faults", smtpPort);
        LOG.info("fault suite ({} form): system up in {} s", form.name(), (System.nanoTime() - began) / 1_000_000_000);
        redis = RedisClient.create(URI.create(system.config().redisUrl()));
        HttpJson http = system.http();
        for (int i = 0; i < form.users(); i++) {
            String email = "fault-" + i + "-" + run + "@example.org";
            assertThat(http.post("/auth/register", null, Map.of("email", email, "password", password)).status())
                    .isEqualTo(202);
            emails.add(email);
        }
        load = new WriteLoad(system.apiPort(), form.rate());
        logInEveryone();
        userIds.addAll(load.users().stream().map(WriteLoad.User::id).toList());

        List<Figures> figures = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int round = 1; round <= form.rounds(); round++) {
            for (Map.Entry<String, Fault> scenario : scenarios().entrySet()) {
                String name = scenario.getKey() + (form.rounds() > 1 ? " (round " + round + ")" : "");
                String tag = "fault-" + run + "-r" + round + "-" + scenario.getKey().replace(' ', '-');
                figures.add(runScenario(name, tag, scenario.getValue(), failures));
            }
        }
        StringBuilder table = new StringBuilder("\n| scenario | sent | accepted (2xx) | projected | lost | unexpected"
                + " | duplicated | statuses | not sent | recovery |\n|---|---|---|---|---|---|---|---|---|---|\n");
        figures.forEach(f -> table.append(f).append('\n'));
        LOG.info("fault suite ({} form, {} users, {} writes/s) took {} s:{}", form.name(), form.users(), form.rate(),
                (System.nanoTime() - began) / 1_000_000_000, table);
        assertThat(failures).as("scenarios that failed; process logs:" + system.logs(3_000)).isEmpty();
    }

    /** Every scenario, in the order it runs. */
    private Map<String, Fault> scenarios() {
        Map<String, Fault> scenarios = new LinkedHashMap<>();
        for (Role role : List.of(Role.BRIDGE, Role.STREAMS, Role.SINKS, Role.API)) {
            scenarios.put("kill " + role.cliName(), () -> {
                system.role(role).kill();
                system.startRole(role);
            });
        }
        scenarios.put("restart kafka", () -> {
            system.kafka().stop();
            system.kafka().startAgain();
        });
        scenarios.put("restart nats", () -> {
            system.nats().stop();
            system.startNats();
        });
        scenarios.put("postgres down", () -> {
            system.postgresProxy().cut();
            letLoadRun(form.outageSeconds());
            system.postgresProxy().restore();
        });
        scenarios.put("redis down", () -> {
            system.redisProxy().cut();
            letLoadRun(form.outageSeconds());
            system.redisProxy().restore();
        });
        scenarios.put("redis restarted empty", this::restartRedisEmpty);
        scenarios.put("smtp hangs", () -> {
            system.smtpProxy().hang();
            letLoadRun(form.outageSeconds());
            system.smtpProxy().restore();
        });
        scenarios.put("sinks paused", this::pauseSinksPastTheirSession);
        return scenarios;
    }

    private Figures runScenario(String name, String tag, Fault fault, List<String> failures) throws Exception {
        LOG.info("scenario {}: starting the load", name);
        if (System.nanoTime() - loggedIn > TOKEN_REFRESH.toNanos()) {
            logInEveryone();
        }
        load.start(tag);
        long warm = (long) form.rate() * form.warmSeconds();
        await(name + ": load acknowledged").atMost(RECOVERY_DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> load.acknowledgedSoFar().size() >= warm);
        long faultBegan = System.nanoTime();
        fault.run();
        long faultEnded = System.nanoTime();
        LOG.info("scenario {}: fault over after {} ms", name, (faultEnded - faultBegan) / 1_000_000);
        Set<String> ackedAtEnd = load.acknowledgedSoFar();
        long sentAtEnd = load.lastSent();
        long recovery = -1;
        try {
            // Caught up: every write acknowledged before the fault ended is projected, and so is a later one.
            await(name + ": caught up").atMost(RECOVERY_DEADLINE).pollInterval(Duration.ofMillis(200)).until(() -> {
                Set<String> stored = FaultLedger.stored(env.jdbcUrl(), userIds, tag).keySet();
                return stored.containsAll(ackedAtEnd)
                        && stored.stream().anyMatch(d -> WriteLoad.number(d) > sentAtEnd);
            });
            recovery = (System.nanoTime() - faultEnded) / 1_000_000;
        } catch (ConditionTimeoutException e) {
            failures.add(name + ": not caught up within " + RECOVERY_DEADLINE.toSeconds() + " s of the fault's end"
                    + " (the writes acknowledged before it, and one sent after it, projected)");
        }
        letLoadRun(form.afterSeconds());
        WriteLoad.Outcome outcome = load.stop();
        long drainStarted = System.nanoTime();
        drain(name, tag, outcome, failures);
        long drained = (System.nanoTime() - drainStarted) / 1_000_000;
        FaultLedger ledger = FaultLedger.of(outcome, FaultLedger.stored(env.jdbcUrl(), userIds, tag));
        Figures figures = new Figures(name, outcome.attempted().size(), outcome.acknowledged().size(),
                ledger.projected(), ledger.lost().size(), ledger.unexpected().size(), ledger.duplicated().size(),
                outcome.statuses(), outcome.notSent(), recovery, drained);
        LOG.info("scenario {}: {} (drained in {} ms)", name, figures, drained);
        if (!ledger.clean()) {
            failures.add(name + ": " + ledger);
        }
        if (!WriteLoad.forbiddenStatuses(outcome.statuses()).isEmpty()) {
            failures.add(name + ": the API answered " + outcome.statuses());
        }
        try {
            assertSystemReconciles(system.config());
        } catch (AssertionError | ConditionTimeoutException e) {
            failures.add(name + ": does not reconcile: " + e.getMessage());
        }
        if (name.startsWith("smtp")) {
            try {
                assertEveryHighValueExpenseNotifiedByEmail(tag);
            } catch (ConditionTimeoutException e) {
                failures.add(name + ": " + e.getMessage());
            }
        }
        return figures;
    }

    /** Keeps the load running until it has attempted {@code seconds} worth of writes more. */
    private void letLoadRun(int seconds) {
        long until = load.attemptedSoFar() + (long) form.rate() * seconds;
        await("load running").atMost(Duration.ofSeconds(seconds * 3L + 30)).pollInterval(Duration.ofMillis(100))
                .until(() -> load.attemptedSoFar() >= until);
    }

    /**
     * Waits until the system is drained: the bridge has forwarded every JetStream message, every streams application
     * and sink group has committed everything its topics hold, every acknowledged write is in {@code expenses}, and
     * the rows did not change since the previous look. A deadline passes without failing here: the ledger says why.
     */
    private void drain(String name, String tag, WriteLoad.Outcome outcome, List<String> failures) {
        var naming = system.config().naming();
        try (SinkGroups groups = new SinkGroups(system.kafkaBootstrapServers(), naming)) {
            AtomicReference<Map<String, Integer>> previous = new AtomicReference<>();
            await(name + ": drained").atMost(DRAIN_DEADLINE).pollInterval(Duration.ofMillis(500)).until(() -> {
                Map<String, Integer> stored = FaultLedger.stored(env.jdbcUrl(), userIds, tag);
                boolean stable = stored.equals(previous.getAndSet(stored));
                if (!stable || !stored.keySet().containsAll(outcome.acknowledged()) || system.bridgeBacklog() > 0) {
                    return false;
                }
                Set<String> pipeline = new TreeSet<>(groups.expectedGroups());
                pipeline.addAll(groups.groupsStartingWith(naming.groupId("streams")));
                return groups.behind(pipeline).isEmpty();
            });
        } catch (ConditionTimeoutException e) {
            failures.add(name + ": not drained within " + DRAIN_DEADLINE.toSeconds() + " s");
        }
    }

    /**
     * Every load user's dashboard is asked for once (a GET rebuilds one Redis lost), then the reconciler must find
     * nothing: the accepted events in JetStream, the {@code expenses} rows, the summaries and the cached dashboards all
     * agree. It is asked again for a while, because the summaries and dashboards may still be catching up.
     */
    private void assertSystemReconciles(GanakaConfig config) throws Exception {
        HttpJson http = system.http();
        for (WriteLoad.User user : load.users()) {
            assertThat(http.get("/dashboard", user.token()).status()).as("dashboard of " + user.id()).isEqualTo(200);
        }
        Set<UUID> users = Set.copyOf(userIds);
        AtomicReference<ReconcileReport> last = new AtomicReference<>();
        try {
            await("reconciled").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().until(() -> {
                        last.set(new Reconciler(config).run(users));
                        return last.get().clean();
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the reconciler found differences: " + describe(last.get()), e);
        }
    }

    private static String describe(ReconcileReport report) {
        if (report == null) {
            return "(it never ran to the end)";
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        report.print(new PrintStream(text, true, StandardCharsets.UTF_8));
        return text.toString(StandardCharsets.UTF_8);
    }

    /**
     * The SMTP server that hung held the deliveries tried meanwhile until they timed out; retried, every high-value
     * expense of the phase ends with its alert notified by e-mail, and nothing else stopped meanwhile (the ledger).
     */
    private void assertEveryHighValueExpenseNotifiedByEmail(String tag) throws Exception {
        UserRows rows = new UserRows(env.jdbcUrl(), userIds);
        String unnotified = """
                SELECT e.description FROM expenses e WHERE e.user_id = ANY(?) AND starts_with(e.description, '%s ')
                  AND e.amount >= 1500 AND NOT EXISTS (
                    SELECT 1 FROM alerts a JOIN notifications n ON n.user_id = a.user_id
                      AND n.source_event_id = a.alert_id AND n.channel = 'email' AND n.status = 'sent'
                    WHERE a.user_id = e.user_id AND a.kind = 'high-value' AND a.data->>'expenseId' = e.id::text)"""
                .formatted(tag);
        await("every high-value expense of " + tag + " notified by e-mail").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500)).until(() -> rows.column(unnotified).isEmpty());
        LOG.info("e-mail notifications retried after the SMTP server hung: {}", rows.column(
                "SELECT count(*) FROM notifications WHERE user_id = ANY(?) AND channel = 'email' AND attempts > 1"));
    }

    private void restartRedisEmpty() throws Exception {
        HttpJson http = system.http();
        HttpJson.Reply login = http.post("/auth/login", null, Map.of("email", emails.get(0), "password", password));
        String refreshToken = login.body().get("refreshToken").asText();
        String accessToken = login.body().get("accessToken").asText();
        HttpJson.Reply signedOut = http.post("/auth/login", null, Map.of("email", emails.get(0),
                "password", password));
        String signedOutToken = signedOut.body().get("accessToken").asText();
        assertThat(http.post("/auth/logout", signedOutToken, Map.of("refreshToken",
                signedOut.body().get("refreshToken").asText())).status()).isEqualTo(204);
        assertThat(http.get("/auth/me", signedOutToken).status()).as("signed out").isEqualTo(401);

        system.redis().kill();
        system.startRedis();

        // Fail closed: the sessions Redis held are gone, so their refresh and access tokens no longer work, and a
        // token signed out before the loss does not come back to life. (503 while the API reconnects to Redis.)
        assertThat(settled(() -> http.post("/auth/refresh", null, Map.of("refreshToken", refreshToken))))
                .as("refresh token of a session Redis lost").isEqualTo(401);
        assertThat(settled(() -> http.get("/auth/me", accessToken))).as("access token of a session Redis lost")
                .isEqualTo(401);
        assertThat(settled(() -> http.get("/auth/me", signedOutToken)))
                .as("signed-out access token after Redis lost its data").isEqualTo(401);
        logInEveryone(); // every session was lost with Redis: the load's tokens are refused from now on
        // The dashboard is rebuilt from Postgres on the next GET (the reconciliation compares it with a rebuild).
        WriteLoad.User first = load.users().get(0);
        assertThat(http.get("/dashboard", first.token()).status()).as("dashboard after Redis lost it").isEqualTo(200);
        String key = DashboardKeys.key(system.config().naming(), first.id().toString());
        await("dashboard cached again").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> redis.exists(key));
    }

    /** The status of {@code request} once the API answers it with something else than 503. */
    private static int settled(java.util.function.Supplier<HttpJson.Reply> request) {
        return await("an answer other than 503").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> request.get().status(), status -> status != 503);
    }

    private void pauseSinksPastTheirSession() throws Exception {
        ChildProcess sinks = system.role(Role.SINKS);
        try (SinkGroups groups = new SinkGroups(system.kafkaBootstrapServers(), system.config().naming())) {
            sinks.pause();
            try {
                // Past the session timeout: the broker has dropped the paused member from every sink group.
                await("paused sinks dropped from their groups").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> groups.withMembers(groups.expectedGroups()).isEmpty());
                if (form.outageSeconds() > 10) {
                    letLoadRun(form.outageSeconds());
                }
            } finally {
                sinks.resume();
            }
        }
    }

    private void logInEveryone() {
        HttpJson http = system.http();
        List<WriteLoad.User> users = new ArrayList<>();
        for (String email : emails) {
            HttpJson.Reply login = await("login of " + email).atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500)).until(
                            () -> http.post("/auth/login", null, Map.of("email", email, "password", password)),
                            reply -> reply.status() == 200);
            String token = login.body().get("accessToken").asText();
            users.add(new WriteLoad.User(UUID.fromString(http.get("/auth/me", token).body().get("id").asText()),
                    token));
        }
        load.users(users);
        loggedIn = System.nanoTime();
    }
}
