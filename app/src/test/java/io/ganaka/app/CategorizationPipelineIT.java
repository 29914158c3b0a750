package io.ganaka.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.app.HttpJson.Session;
import io.ganaka.schemas.catalog.DefaultCatalog;
import io.ganaka.testkit.TestEnvironment;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Categorization through the whole system, with no client action beyond adding expenses: the default rules
 * categorize a new account's expense, and categories set by hand teach the system to categorize the next one.
 */
class CategorizationPipelineIT {

    private static final Duration PIPELINE_DEADLINE = Duration.ofSeconds(90);

    @AutoClose
    private static RunningSystem running;
    private static HttpJson http;

    @BeforeAll
    static void startEverything() throws Exception {
        running = RunningSystem.start(TestEnvironment.shared(), "-categorize", "ganaka-it-categorize-");
        http = running.http();
    }

    @Test
    void aNewAccountsUberRideBecomesTransportByTheDefaultRules() {
        Session ada = http.newSession("ada-" + UUID.randomUUID() + "@example.com");
        UUID user = UUID.fromString(ada.id());

        String ride = http.addExpense(ada.token(), "23.40", "EUR", "2026-03-15T08:30:00Z", "Uber to airport");

        JsonNode categorized = awaitCategorized(ada.token(), ride, "rule");
        assertThat(categorized.get("categoryId").asText())
                .isEqualTo(DefaultCatalog.categoryId(user, "transport").toString());
        assertThat(categorized.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void aThirdBlueBottleExpenseIsLearnedAfterTwoSetByHand() {
        Session bob = http.newSession("bob-" + UUID.randomUUID() + "@example.com");
        String coffee = DefaultCatalog.categoryId(UUID.fromString(bob.id()), "coffee").toString();
        await("default categories").atMost(PIPELINE_DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/categories/" + coffee, bob.token()).status() == 200);

        String first = addAtBlueBottle(bob.token(), "Flat white", coffee);
        String second = addAtBlueBottle(bob.token(), "Latte", coffee);
        String third = addAtBlueBottle(bob.token(), "Cortado", null);

        JsonNode learned = awaitCategorized(bob.token(), third, "learned");
        assertThat(learned.get("categoryId").asText()).isEqualTo(coffee);
        for (String byHand : new String[] {first, second}) {
            JsonNode expense = http.get("/expenses/" + byHand, bob.token()).body();
            assertThat(expense.get("categoryId").asText()).isEqualTo(coffee);
            assertThat(expense.get("categorizedBy").asText()).isEqualTo("user");
        }
    }

    private static String addAtBlueBottle(String token, String description, String categoryId) {
        Map<String, Object> body = new HashMap<>(HttpJson.expense("4.50", "EUR", "2026-03-16T09:00:00Z", description));
        body.put("merchant", "Blue Bottle");
        if (categoryId != null) {
            body.put("categoryId", categoryId);
        }
        HttpJson.Reply added = http.post("/expenses", token, body);
        assertThat(added.status()).as(added.raw().body()).isEqualTo(202);
        return added.body().get("id").asText();
    }

    private static JsonNode awaitCategorized(String token, String expenseId, String by) {
        return await("expense " + expenseId + " categorized by " + by).atMost(PIPELINE_DEADLINE)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/expenses/" + expenseId, token),
                        reply -> reply.status() == 200 && by.equals(reply.body().get("categorizedBy").asText()))
                .body();
    }
}
