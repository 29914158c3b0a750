package io.ganaka.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ganaka.schemas.Json;
import io.ganaka.schemas.dashboard.Dashboard;
import io.ganaka.schemas.dashboard.DashboardKeys;
import io.ganaka.schemas.dashboard.DashboardQueries;
import io.ganaka.testkit.TestEnvironment;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * The dashboard through the whole pipeline: the cache the sink keeps, {@code GET /dashboard} rebuilding a missing one,
 * the live socket (snapshot first, then only the user's own pushes, token or ticket, ping/pong), and alerts.
 */
class DashboardLiveIT {

    private static final Duration PIPELINE = Duration.ofSeconds(90);

    private static TestEnvironment env;
    @AutoClose
    private static RunningSystem running;
    @AutoClose
    private static RedisClient redis;
    private static HttpJson http;

    @BeforeAll
    static void startEverything() throws Exception {
        env = TestEnvironment.shared();
        running = RunningSystem.start(env, "-live", "ganaka-it-live-");
        http = running.http();
        redis = RedisClient.create(URI.create(env.redisUrl()));
    }

    @Test
    void eachSocketGetsItsSnapshotFirstAndThenOnlyItsOwnUsersPushes() throws Exception {
        HttpJson.Session alice = session("alice");
        HttpJson.Session bob = session("bob");
        try (LiveClient aliceSocket = LiveClient.connect(port(), "ganaka.v1", "bearer." + alice.token());
             LiveClient bobSocket = LiveClient.connect(port(), "ganaka.v1", "ticket." + ticket(bob))) {
            assertThat(aliceSocket.subprotocol()).isEqualTo("ganaka.v1");
            await().atMost(Duration.ofSeconds(20)).until(() -> !aliceSocket.messages().isEmpty()
                    && !bobSocket.messages().isEmpty());
            assertThat(aliceSocket.messages().get(0).path("type").asText()).isEqualTo("snapshot");
            assertThat(aliceSocket.messages().get(0).path("data").path("userId").asText()).isEqualTo(alice.id());
            assertThat(bobSocket.messages().get(0).path("type").asText()).isEqualTo("snapshot");
            assertThat(bobSocket.messages().get(0).path("userId").asText()).isEqualTo(bob.id());

            String lunch = http.addExpense(alice.token(), "12.40", "EUR", thisMonth(), "Lunch");
            await("alice's push").atMost(PIPELINE).until(() -> pushedExpenses(aliceSocket).contains(lunch));
            String book = http.addExpense(bob.token(), "9.99", "EUR", thisMonth(), "Book");
            await("bob's push").atMost(PIPELINE).until(() -> pushedExpenses(bobSocket).contains(book));

            assertThat(aliceSocket.messages()).allSatisfy(m -> assertThat(m.path("userId").asText())
                    .isEqualTo(alice.id()));
            assertThat(bobSocket.messages()).allSatisfy(m -> assertThat(m.path("userId").asText())
                    .isEqualTo(bob.id()));
            assertThat(pushedExpenses(bobSocket)).doesNotContain(lunch);
            assertThat(pushedExpenses(aliceSocket)).doesNotContain(book);
        }
    }

    @Test
    void theSinkBuiltDashboardEqualsItsRebuildFromPostgresOnAMiss() throws Exception {
        HttpJson.Session carol = session("carol");
        String key = DashboardKeys.key(running.config().naming(), carol.id());
        String taxi = http.addExpense(carol.token(), "23.00", "EUR", thisMonth(), "Taxi");
        http.addExpense(carol.token(), "4.50", "USD", thisMonth(), "Stamps");
        await("the sink's dashboard").atMost(PIPELINE).until(() -> redis.exists(key)); // no GET has rebuilt it

        await("the pipeline settled").atMost(PIPELINE).untilAsserted(() -> {
            Dashboard cached = dashboard(carol);
            assertThat(cached.latestExpenses()).hasSize(2);
            assertThat(cached.totals()).extracting(Dashboard.Total::currency).containsExactly("EUR", "USD");
            assertThat(cached.withVersion(0)).isEqualTo(rebuiltFromPostgres(carol.id()));
        });
        Dashboard sinkBuilt = dashboard(carol);
        assertThat(sinkBuilt.latestExpenses()).extracting(e -> e.id()).contains(taxi);

        redis.del(key);
        Dashboard rebuilt = dashboard(carol);

        assertThat(rebuilt.withVersion(0)).isEqualTo(sinkBuilt.withVersion(0));
        assertThat(rebuilt.version()).isGreaterThan(0);
        assertThat(redis.exists(key)).as("written back").isTrue();
        assertThat(redis.pttl(key)).isPositive();
    }

    @Test
    void aTicketOpensOneSocketOnly() throws Exception {
        HttpJson.Session dave = session("dave");
        String ticket = ticket(dave);
        try (LiveClient first = LiveClient.connect(port(), "ganaka.v1", "ticket." + ticket)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> !first.ofType("snapshot").isEmpty());
            assertThat(LiveClient.refusal(port(), "ganaka.v1", "ticket." + ticket).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void badOrMissingCredentialsAreRefusedBeforeTheUpgrade() throws Exception {
        HttpJson.Session erin = session("erin");
        HttpResponse<?> badToken = LiveClient.refusal(port(), "ganaka.v1", "bearer.not-a-token");
        assertThat(badToken.statusCode()).isEqualTo(401);
        assertThat(badToken.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(LiveClient.refusal(port(), "ganaka.v1", "ticket.made-up").statusCode()).isEqualTo(401);
        assertThat(LiveClient.refusal(port(), "ganaka.v1").statusCode()).isEqualTo(401);
        assertThat(LiveClient.refusal(port(), "bearer." + erin.token(), "ganaka.v1").statusCode()).isEqualTo(400);
        assertThat(LiveClient.refusal(port()).statusCode()).isEqualTo(400);
    }

    @Test
    void aPingIsAnsweredWithAPong() throws Exception {
        HttpJson.Session frank = session("frank");
        try (LiveClient socket = LiveClient.connect(port(), "ganaka.v1", "bearer." + frank.token())) {
            await().atMost(Duration.ofSeconds(20)).until(() -> !socket.ofType("snapshot").isEmpty());
            socket.send("{\"type\":\"ping\"}");
            await().atMost(Duration.ofSeconds(20)).until(() -> socket.ofType("pong").size() == 1);
            assertThat(socket.messages().get(0).path("type").asText()).isEqualTo("snapshot");
        }
    }

    @Test
    void aDismissedAlertLeavesTheDashboardWithAPushAndStaysListedAsDismissed() throws Exception {
        HttpJson.Session gina = session("gina");
        HttpJson.Session hal = session("hal");
        http.addExpense(gina.token(), "1500.00", "EUR", thisMonth(), "Laptop"); // above the default 1000.00
        await("the alert on the dashboard").atMost(PIPELINE)
                .until(() -> dashboard(gina).alerts().size() == 1);
        String alertId = dashboard(gina).alerts().get(0).alertId();
        await("the alert listed").atMost(PIPELINE).until(() -> http.get("/alerts", gina.token()).body()
                .path("items").size() == 1);
        HttpJson.Reply listed = http.get("/alerts", gina.token());
        assertThat(listed.body().path("items").get(0).path("id").asText()).isEqualTo(alertId);
        assertThat(listed.body().path("items").get(0).path("status").asText()).isEqualTo("open");
        assertThat(listed.body().path("nextCursor").isNull()).isTrue();

        try (LiveClient socket = LiveClient.connect(port(), "ganaka.v1", "bearer." + gina.token())) {
            await().atMost(Duration.ofSeconds(20)).until(() -> !socket.ofType("snapshot").isEmpty());
            assertThat(http.post("/alerts/" + alertId + "/dismiss", hal.token(), null).status()).isEqualTo(404);

            HttpJson.Reply dismissed = http.post("/alerts/" + alertId + "/dismiss", gina.token(), null);

            assertThat(dismissed.status()).as(dismissed.raw().body()).isEqualTo(200);
            assertThat(dismissed.body().path("status").asText()).isEqualTo("dismissed");
            await("the push").atMost(Duration.ofSeconds(20)).until(() -> socket.ofType("dashboard.changed")
                    .stream().anyMatch(m -> m.path("data").path("alerts").isEmpty()));
            assertThat(dashboard(gina).alerts()).isEmpty();
            HttpJson.Reply again = http.post("/alerts/" + alertId + "/dismiss", gina.token(), null);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.body().path("dismissedAt")).isEqualTo(dismissed.body().path("dismissedAt"));
            assertThat(http.get("/alerts", gina.token()).body().path("items").get(0).path("status").asText())
                    .isEqualTo("dismissed");
            assertThat(http.post("/alerts/not-an-id/dismiss", gina.token(), null).status()).isEqualTo(404);
        }
    }

    private static HttpJson.Session session(String name) {
        return http.newSession(name + "-" + UUID.randomUUID() + "@example.com");
    }

    private static String ticket(HttpJson.Session session) {
        HttpJson.Reply reply = http.post("/ws/ticket", session.token(), null);
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        assertThat(reply.body().path("expiresIn").asInt()).isEqualTo(30);
        return reply.body().path("ticket").asText();
    }

    private static int port() {
        return running.apiPort();
    }

    /** A moment of the current month (UTC, the zone of a new account), so that it counts in the totals shown. */
    private static String thisMonth() {
        Instant start = YearMonth.now(ZoneOffset.UTC).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return start.plus(1, ChronoUnit.HOURS).plusSeconds((long) (Math.random() * 3600)).toString();
    }

    private static Dashboard dashboard(HttpJson.Session session) throws Exception {
        HttpJson.Reply reply = http.get("/dashboard", session.token());
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        return Json.MAPPER.treeToValue(reply.body(), Dashboard.class);
    }

    private static List<String> pushedExpenses(LiveClient socket) {
        return socket.ofType("dashboard.changed").stream()
                .flatMap(m -> m.path("data").path("latestExpenses").findValuesAsText("id").stream()).toList();
    }

    private static Dashboard rebuiltFromPostgres(String userId) throws Exception {
        try (Connection c = DriverManager.getConnection(env.jdbcUrl())) {
            return DashboardQueries.load(c, UUID.fromString(userId), "UTC", YearMonth.now(ZoneOffset.UTC))
                    .toState(0).dashboard();
        }
    }
}
