package io.ganaka.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ganaka.testkit.TestEnvironment;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole path over real HTTP, NATS JetStream, a real Kafka broker, Kafka Streams, Postgres and Redis: an expense
 * posted to the API comes back from the projections, and the monthly report equals the amounts posted.
 */
class WalkingSkeletonIT {

    private static final Duration PIPELINE_DEADLINE = Duration.ofSeconds(90);

    private static TestEnvironment env;
    @AutoClose
    private static RunningSystem running;
    private static HttpJson http;

    @BeforeAll
    static void startEverything() throws Exception {
        env = TestEnvironment.shared();
        running = RunningSystem.start(env, "", "ganaka-it-streams-");
        http = running.http();
    }

    @Test
    void anExpensePostedOverHttpIsProjectedAndCountedInTheMonthlyReport() throws Exception {
        String alice = http.signUpAndLogIn("alice-" + UUID.randomUUID() + "@example.com");

        String coffee = http.addExpense(alice, "12.34", "EUR", "2026-03-15T08:30:00Z", "Espresso");
        String lunch = http.addExpense(alice, "7.66", "EUR", "2026-03-20T12:00:00Z", "Lunch");
        String book = http.addExpense(alice, "5.00", "USD", "2026-03-01T18:00:00Z", "Paperback");
        String april = http.addExpense(alice, "100.00", "EUR", "2026-04-02T10:00:00Z", "Train ticket");

        for (String id : List.of(coffee, lunch, book, april)) {
            await("expense " + id + " projected").atMost(PIPELINE_DEADLINE).pollInterval(Duration.ofMillis(100))
                    .until(() -> http.get("/expenses/" + id, alice).status() == 200);
        }
        HttpJson.Reply expense = http.get("/expenses/" + coffee, alice);
        assertThat(expense.body().get("amount").asText()).isEqualTo("12.34");
        assertThat(expense.body().get("currency").asText()).isEqualTo("EUR");
        assertThat(expense.body().get("description").asText()).isEqualTo("Espresso");
        assertThat(expense.body().get("version").asLong()).isEqualTo(1);

        await("March totals").atMost(PIPELINE_DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> totals(alice, 2026, 3), t -> t.equals(Map.of("EUR", "20.00 x2", "USD", "5.00 x1")));
        await("April totals").atMost(PIPELINE_DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> totals(alice, 2026, 4), t -> t.equals(Map.of("EUR", "100.00 x1")));
        assertThat(totals(alice, 2026, 5)).isEmpty();
        assertThat(monthlySummaryRows()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void anotherUserCanNeitherReadTheExpenseNorSeeItInTheirReport() {
        String owner = http.signUpAndLogIn("owner-" + UUID.randomUUID() + "@example.com");
        String stranger = http.signUpAndLogIn("stranger-" + UUID.randomUUID() + "@example.com");
        String id = http.addExpense(owner, "42.00", "EUR", "2026-02-10T10:00:00Z", "Dinner");
        await().atMost(PIPELINE_DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/expenses/" + id, owner).status() == 200);

        HttpJson.Reply peek = http.get("/expenses/" + id, stranger);

        assertThat(peek.status()).isEqualTo(404);
        assertThat(peek.header("Content-Type")).startsWith("application/problem+json");
        assertThat(peek.raw().body()).doesNotContain("Dinner").doesNotContain("42.00");
        assertThat(totals(stranger, 2026, 2)).isEmpty();
    }

    @Test
    void writesWithoutATokenAreRefusedAndNothingIsPublished() {
        HttpJson.Reply reply = http.post("/expenses", null,
                HttpJson.expense("1.00", "EUR", "2026-01-01T00:00:00Z", "x"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }

    /** The report as {@code currency -> "total xcount"}, which reads well in a failed assertion. */
    private static Map<String, String> totals(String token, int year, int month) {
        return http.monthlyTotals(token, year, month);
    }

    private int monthlySummaryRows() throws Exception {
        try (Connection c = DriverManager.getConnection(env.jdbcUrl());
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM monthly_summaries")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
