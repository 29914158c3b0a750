package io.ganaka.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ganaka.app.HttpJson.Session;
import io.ganaka.schemas.Naming;
import io.ganaka.testkit.TestEnvironment;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Account deletion end to end: a user's expenses and monthly totals are projected through the whole pipeline, the
 * account is deleted over HTTP, and then no Postgres row in any table or partition and no Redis key refers to the
 * user any more, even after an expense of theirs arrives late.
 */
class AccountErasureIT {

    private static final Duration PIPELINE_DEADLINE = Duration.ofSeconds(90);

    private static TestEnvironment env;
    private static Naming naming;
    private static RunningSystem running;
    private static HttpJson http;
    private static UnifiedJedis redis;

    @BeforeAll
    static void startEverything() throws Exception {
        env = TestEnvironment.shared();
        // A name space of its own, so that this system and the walking skeleton's never share a stream or group.
        running = RunningSystem.start(env, "-erase", "ganaka-it-erasure-");
        naming = running.config().naming();
        http = running.http();
        redis = RedisClient.create(URI.create(env.redisUrl()));
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (running != null) {
            running.close();
        }
        if (redis != null) {
            // The environment's cleanup knows only its own prefix; this sub-prefix is ours to empty.
            redis.keys(naming.redisPrefix() + "*").forEach(redis::del);
            redis.close();
        }
    }

    @Test
    void deletingAnAccountLeavesNoRowAndNoKeyOfTheUserAnywhere() throws Exception {
        Session ada = http.newSession("ada-" + UUID.randomUUID() + "@example.com");
        Session bob = http.newSession("bob-" + UUID.randomUUID() + "@example.com");
        List<String> expenses = List.of(
                http.addExpense(ada.token(), "12.34", "EUR", "2026-03-15T08:30:00Z", "Espresso"),
                http.addExpense(ada.token(), "5.00", "USD", "2026-04-01T18:00:00Z", "Paperback"));
        String bobs = http.addExpense(bob.token(), "42.00", "EUR", "2026-03-10T10:00:00Z", "Dinner");
        for (String id : expenses) {
            await("expense " + id + " projected").atMost(PIPELINE_DEADLINE).pollInterval(Duration.ofMillis(100))
                    .until(() -> http.get("/expenses/" + id, ada.token()).status() == 200);
        }
        await("bob's expense projected").atMost(PIPELINE_DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/expenses/" + bobs, bob.token()).status() == 200);
        await("ada's monthly totals projected").atMost(PIPELINE_DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> rowsIn("monthly_summaries", ada.id()) == 2);
        assertThat(rowsReferencing(ada.id())).isPositive();
        assertThat(redisKeysReferencing(ada.id())).as("ada's refresh token").isNotEmpty();

        HttpResponse<String> deleted = delete("/users/" + ada.id(), ada.token());

        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        await("ada erased").atMost(PIPELINE_DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> rowsReferencing(ada.id()) == 0 && redisKeysReferencing(ada.id()).isEmpty());
        // Ada's unexpired token is refused outright; Bob cannot see her expense either.
        assertThat(http.get("/users/" + ada.id(), ada.token()).status()).isEqualTo(401);
        assertThat(http.get("/expenses/" + expenses.get(0), ada.token()).status()).isEqualTo(401);
        assertThat(http.get("/expenses/" + expenses.get(0), bob.token()).status()).isEqualTo(404);

        // Bob is untouched.
        assertThat(http.get("/expenses/" + bobs, bob.token()).status()).isEqualTo(200);
        assertThat(rowsIn("monthly_summaries", bob.id())).isEqualTo(1);
    }

    @Test
    void theDeletedUsersAccessTokenStopsWorkingAtOnceAndNothingIsWritten() throws Exception {
        Session ada = http.newSession("late-" + UUID.randomUUID() + "@example.com");
        assertThat(delete("/users/" + ada.id(), ada.token()).statusCode()).isEqualTo(204);

        // The token has not expired, but the account is gone: the access check refuses it before any write.
        // (A late event that was already in flight is kept out of the projections by the sinks: see SinksIT.)
        HttpJson.Reply late = http.post("/expenses", ada.token(), Map.of("amount", "9.99", "currency", "EUR",
                "occurredAt", "2026-07-04T10:00:00Z", "description", "Late " + ada.id()));

        assertThat(late.status()).isEqualTo(401);
        assertThat(http.get("/auth/me", ada.token()).status()).isEqualTo(401);
        assertThat(rowsReferencing(ada.id())).isZero();
    }

    private static HttpResponse<String> delete(String path, String token) {
        return http.send("DELETE", path, token, null, Map.of()).raw();
    }

    private static int rowsIn(String table, String userId) throws Exception {
        try (Connection c = DriverManager.getConnection(env.jdbcUrl());
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE user_id = ?::uuid")) {
            s.setString(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The user's rows in users and in every table (partitions included) information_schema lists with user_id. */
    private static int rowsReferencing(String userId) throws Exception {
        List<String> queries = new ArrayList<>(List.of("SELECT count(*) FROM users WHERE id = ?::uuid"));
        try (Connection c = DriverManager.getConnection(env.jdbcUrl())) {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT table_schema, table_name"
                    + " FROM information_schema.columns WHERE column_name = 'user_id'"
                    + " AND table_schema NOT IN ('pg_catalog', 'information_schema')")) {
                while (rs.next()) {
                    queries.add("SELECT count(*) FROM \"" + rs.getString(1) + "\".\"" + rs.getString(2)
                            + "\" WHERE user_id::text = ?");
                }
            }
            int total = 0;
            for (String query : queries) {
                try (PreparedStatement s = c.prepareStatement(query)) {
                    s.setString(1, userId);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        total += rs.getInt(1);
                    }
                }
            }
            return total;
        }
    }

    /** Keys under the system's prefix whose name or string value mentions the user. */
    private static List<String> redisKeysReferencing(String userId) {
        List<String> keys = new ArrayList<>();
        ScanParams params = new ScanParams().match(naming.redisPrefix() + "*").count(500);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, params);
            for (String key : page.getResult()) {
                String value = "string".equals(redis.type(key)) ? redis.get(key) : null;
                if (key.contains(userId) || (value != null && value.contains(userId))) {
                    keys.add(key);
                }
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return keys;
    }
}
