package io.ganaka.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.testkit.TestEnvironment;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Categorization rules through the whole system: a rule created over HTTP after an expense was projected, applied with
 * {@code POST /rules/apply}, categorizes that expense, and it reads back with the rule's category and tags. (Expenses
 * added after a rule exists are categorized by the streams role on their own; see {@code CategorizationPipelineIT}.)
 */
class RulesPipelineIT {

    private static final Duration PIPELINE_DEADLINE = Duration.ofSeconds(90);

    private static TestEnvironment env;
    @AutoClose
    private static RunningSystem running;
    private static HttpJson http;

    @BeforeAll
    static void startEverything() throws Exception {
        env = TestEnvironment.shared();
        running = RunningSystem.start(env, "-rules", "ganaka-it-rules-");
        http = running.http();
    }

    @Test
    void applyingARuleCategorizesAnUncategorizedExpenseEndToEnd() throws Exception {
        String email = "rules-" + UUID.randomUUID() + "@example.com";
        String token = http.signUpAndLogIn(email);
        String userId = http.get("/auth/me", token).body().get("id").asText();
        String category = createCategory(userId, "Subscriptions " + UUID.randomUUID());
        HttpJson.Reply added = http.post("/expenses", token, Map.of("amount", "9.99", "currency", "EUR",
                "description", "Zorblax premium", "occurredAt", "2026-03-15T08:30:00Z", "tags", List.of("own")));
        assertThat(added.status()).as(added.raw().body()).isEqualTo(202);
        String expense = added.body().get("id").asText();
        await("expense projected").atMost(PIPELINE_DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/expenses/" + expense, token).status() == 200);
        assertThat(http.get("/expenses/" + expense, token).body().get("categorizedBy").asText()).isEqualTo("none");
        // The rule comes after the expense: the categorization topology categorizes only what arrives after a rule.
        HttpJson.Reply rule = http.post("/rules", token, Map.of(
                "name", "Zorblax is a subscription",
                "priority", 0,
                "match", "all",
                "conditions", List.of(Map.of("field", "description", "operator", "contains", "value", "ZORBLAX")),
                "actions", Map.of("categoryId", category, "tags", List.of("monthly")),
                "stopProcessing", true));
        assertThat(rule.status()).as(rule.raw().body()).isEqualTo(201);

        HttpJson.Reply applied = http.post("/rules/apply", token, Map.of());

        assertThat(applied.status()).as(applied.raw().body()).isEqualTo(202);
        assertThat(applied.body().get("examined").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(applied.body().get("categorized").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode categorized = await("expense categorized").atMost(PIPELINE_DEADLINE)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/expenses/" + expense, token).body(),
                        body -> body.get("categorizedBy").asText().equals("rule"));
        assertThat(categorized.get("categoryId").asText()).isEqualTo(category);
        assertThat(categorized.get("tags").toString()).isEqualTo("[\"own\",\"monthly\"]");
        assertThat(categorized.get("version").asLong()).isEqualTo(1);
        assertThat(categorized.get("amount").asText()).isEqualTo("9.99");
    }

    /** A category of the user's, written as the categories API would (it is not part of this test). */
    private static String createCategory(String userId, String name) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(env.jdbcUrl());
             PreparedStatement s = c.prepareStatement("INSERT INTO categories (user_id, id, name) VALUES (?, ?, ?)")) {
            s.setObject(1, UUID.fromString(userId));
            s.setObject(2, id);
            s.setString(3, name);
            s.executeUpdate();
        }
        return id.toString();
    }
}
