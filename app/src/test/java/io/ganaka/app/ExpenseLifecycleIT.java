package io.ganaka.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.testkit.TestEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An expense's whole life through the real pipeline (API, JetStream, bridge, Kafka, Streams, sinks): added, replaced
 * with another amount in another month, deleted; the list, the single read and the monthly reports converge on
 * exactly what the user last said, and so do the category, monthly and all-time reports with their smallest and
 * largest expense.
 */
class ExpenseLifecycleIT {

    private static final Duration PIPELINE_DEADLINE = Duration.ofSeconds(90);

    @AutoClose
    private static RunningSystem running;
    private static HttpJson http;

    @BeforeAll
    static void startEverything() throws Exception {
        running = RunningSystem.start(TestEnvironment.shared(), "-lifecycle", "ganaka-it-lifecycle-");
        http = running.http();
    }

    @Test
    void updatesAndDeletesConvergeInTheListTheSingleReadAndTheMonthlyReports() {
        String token = http.signUpAndLogIn("lifecycle-" + UUID.randomUUID() + "@example.com");
        String beans = http.addExpense(token, "10.00", "EUR", "2026-03-05T08:00:00Z", "Coffee beans");
        String groceries = http.addExpense(token, "20.00", "EUR", "2026-03-10T17:00:00Z", "Groceries");
        String dinner = http.addExpense(token, "30.00", "EUR", "2026-03-20T20:00:00Z", "Dinner");
        String book = http.addExpense(token, "5.00", "USD", "2026-03-12T12:00:00Z", "Book");
        for (String id : List.of(beans, groceries, dinner, book)) {
            awaitStatus(token, id, 200);
        }
        await("March before the changes").atMost(PIPELINE_DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> totals(token, 2026, 3), t -> t.equals(Map.of("EUR", "60.00 x3", "USD", "5.00 x1")));
        assertThat(figures(token, "/reports/monthly/2026/3")).isEqualTo("EUR 60.00 x3 min 10.00 max 30.00 average 20.00");

        HttpJson.Reply replaced = http.send("PUT", "/expenses/" + groceries, token,
                body("25.50", "EUR", "2026-04-02T09:00:00Z", "Groceries, delivered"), Map.of("If-Match", "\"1\""));
        HttpJson.Reply deleted = http.send("DELETE", "/expenses/" + dinner, token, null, Map.of("If-Match", "\"1\""));

        assertThat(replaced.status()).as(replaced.raw().body()).isEqualTo(202);
        assertThat(replaced.header("ETag")).isEqualTo("\"2\"");
        assertThat(replaced.body().get("version").asLong()).isEqualTo(2);
        assertThat(deleted.status()).as(deleted.raw().body()).isEqualTo(202);
        assertThat(deleted.body().get("version").asLong()).isEqualTo(2);

        awaitStatus(token, dinner, 404);
        await("the replacement projected").atMost(PIPELINE_DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/expenses/" + groceries, token).header("ETag"), "\"2\""::equals);
        JsonNode current = http.get("/expenses/" + groceries, token).body();
        assertThat(current.get("version").asLong()).isEqualTo(2);
        assertThat(current.get("amount").asText()).isEqualTo("25.50");
        assertThat(current.get("occurredAt").asText()).isEqualTo("2026-04-02T09:00:00Z");
        assertThat(current.get("description").asText()).isEqualTo("Groceries, delivered");

        assertThat(listIds(token, "")).containsExactly(groceries, book, beans);
        assertThat(listIds(token, "?from=2026-03-01&to=2026-04-01")).containsExactly(book, beans);
        assertThat(listIds(token, "?minAmount=25.50&maxAmount=25.50")).containsExactly(groceries);
        await("March after the changes").atMost(PIPELINE_DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> totals(token, 2026, 3), t -> t.equals(Map.of("EUR", "10.00 x1", "USD", "5.00 x1")));
        await("April after the changes").atMost(PIPELINE_DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> totals(token, 2026, 4), t -> t.equals(Map.of("EUR", "25.50 x1")));
        // The largest (deleted) and the middle one (moved to April) are gone: the smallest is March's only expense.
        assertThat(figures(token, "/reports/monthly/2026/3")).isEqualTo("EUR 10.00 x1 min 10.00 max 10.00 average 10.00");
        assertThat(figures(token, "/reports/monthly/2026/4")).isEqualTo("EUR 25.50 x1 min 25.50 max 25.50 average 25.50");

        // The version the client last read is gone: a change built on it is refused with the current ETag.
        HttpJson.Reply stale = http.send("PUT", "/expenses/" + groceries, token,
                body("1.00", "EUR", "2026-04-02T09:00:00Z", "Stale"), Map.of("If-Match", "\"1\""));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void categoryMonthlyAndSummaryReportsFollowCategoryMovesAndDeletes() {
        String token = http.signUpAndLogIn("reports-" + UUID.randomUUID() + "@example.com");
        HttpJson.Reply created = http.post("/categories", token, Map.of("name", "Books"));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String books = created.body().get("id").asText();
        String notebook = addIn(token, books, "12.00", "2026-05-03T10:00:00Z", "Notebook");
        String loose = addIn(token, null, "8.00", "2026-05-04T10:00:00Z", "Item 42");
        String atlas = addIn(token, books, "30.00", "2026-05-20T10:00:00Z", "Item 43");
        for (String id : List.of(notebook, loose, atlas)) {
            awaitStatus(token, id, 200);
        }
        await("May by category").atMost(PIPELINE_DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> categories(token, 2026, 5), c -> c.equals(List.of(
                        "Books EUR 42.00 x2", "Uncategorized EUR 8.00 x1")));
        await("May's average").atMost(PIPELINE_DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> figures(token, "/reports/monthly/2026/5"), "EUR 50.00 x3 min 8.00 max 30.00 average 16.67"::equals);

        HttpJson.Reply moved = http.send("PUT", "/expenses/" + loose, token,
                Map.of("amount", "8.00", "currency", "EUR", "occurredAt", "2026-05-04T10:00:00Z",
                        "description", "Item 42", "categoryId", books), Map.of("If-Match", "\"1\""));
        HttpJson.Reply deleted = http.send("DELETE", "/expenses/" + atlas, token, null, Map.of());
        assertThat(moved.status()).as(moved.raw().body()).isEqualTo(202);
        assertThat(deleted.status()).as(deleted.raw().body()).isEqualTo(202);

        // Uncategorized fell to zero and is left out; the deleted expense, the largest, leaves the month and the
        // all-time summary, so their maximum falls back to the next largest.
        await("May by category after the changes").atMost(PIPELINE_DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> categories(token, 2026, 5), c -> c.equals(List.of("Books EUR 20.00 x2")));
        await("May's average after the changes").atMost(PIPELINE_DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> figures(token, "/reports/monthly/2026/5"), "EUR 20.00 x2 min 8.00 max 12.00 average 10.00"::equals);
        await("the all-time summary").atMost(PIPELINE_DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> figures(token, "/reports/summary"), "EUR 20.00 x2 min 8.00 max 12.00 average 10.00"::equals);
    }

    private static String addIn(String token, String categoryId, String amount, String occurredAt, String description) {
        Map<String, Object> body = new java.util.HashMap<>(HttpJson.expense(amount, "EUR", occurredAt, description));
        if (categoryId != null) {
            body.put("categoryId", categoryId);
        }
        HttpJson.Reply reply = http.post("/expenses", token, body);
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(202);
        return reply.body().get("id").asText();
    }

    /** The category report as {@code "name currency total xcount"} lines, in the report's order. */
    private static List<String> categories(String token, int year, int month) {
        HttpJson.Reply report = http.get("/reports/categories/" + year + "/" + month, token);
        assertThat(report.status()).as(report.raw().body()).isEqualTo(200);
        List<String> lines = new ArrayList<>();
        report.body().get("categories").forEach(c -> lines.add(c.get("name").asText() + " " + c.get("currency").asText()
                + " " + c.get("total").asText() + " x" + c.get("count").asLong()));
        return lines;
    }

    /** The first currency's total, count, smallest and largest expense and average of a report with {@code totals}. */
    private static String figures(String token, String path) {
        HttpJson.Reply report = http.get(path, token);
        assertThat(report.status()).as(report.raw().body()).isEqualTo(200);
        JsonNode totals = report.body().get("totals");
        if (totals.isEmpty()) {
            return "none";
        }
        JsonNode t = totals.get(0);
        return t.get("currency").asText() + " " + t.get("total").asText() + " x" + t.get("count").asLong()
                + " min " + t.get("min").asText() + " max " + t.get("max").asText() + " average " + t.get("average").asText();
    }

    private static Map<String, Object> body(String amount, String currency, String occurredAt, String description) {
        return HttpJson.expense(amount, currency, occurredAt, description);
    }

    private static void awaitStatus(String token, String id, int status) {
        await("expense " + id + " answers " + status).atMost(PIPELINE_DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/expenses/" + id, token).status() == status);
    }

    private List<String> listIds(String token, String query) {
        HttpJson.Reply page = http.get("/expenses" + query, token);
        assertThat(page.status()).as(page.raw().body()).isEqualTo(200);
        assertThat(page.body().get("nextCursor").isNull()).isTrue();
        List<String> ids = new ArrayList<>();
        page.body().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    /** The report as {@code currency -> "total xcount"}, which reads well in a failed assertion. */
    private Map<String, String> totals(String token, int year, int month) {
        return http.monthlyTotals(token, year, month);
    }
}
