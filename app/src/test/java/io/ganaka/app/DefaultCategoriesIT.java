package io.ganaka.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.app.HttpJson.Session;
import io.ganaka.schemas.catalog.DefaultCatalog;
import io.ganaka.testkit.TestEnvironment;
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
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The default set end to end: registering over HTTP sends user.registered through JetStream and Kafka to the
 * default-categories sink, after which the new user's default categories and keyword rules are there to use.
 */
class DefaultCategoriesIT {

    private static final Duration PIPELINE_DEADLINE = Duration.ofSeconds(90);

    private static TestEnvironment env;
    @AutoClose
    private static RunningSystem running;
    private static HttpJson http;

    @BeforeAll
    static void startEverything() throws Exception {
        env = TestEnvironment.shared();
        running = RunningSystem.start(env, "-defaults", "ganaka-it-defaults-");
        http = running.http();
    }

    @Test
    void aNewUserGetsTheDefaultCategoriesAndRules() throws Exception {
        Session ada = http.newSession("ada-" + UUID.randomUUID() + "@example.com");
        UUID user = UUID.fromString(ada.id());
        List<String> expectedIds = DefaultCatalog.categories(user).stream()
                .map(c -> c.id().toString()).toList();

        await("default categories").atMost(PIPELINE_DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/categories", ada.token()).body().get("items").size() == expectedIds.size());

        JsonNode items = http.get("/categories", ada.token()).body().get("items");
        assertThat(items.findValuesAsText("id")).containsExactlyInAnyOrderElementsOf(expectedIds);
        assertThat(items.findValuesAsText("name")).contains("Coffee", "Groceries", "Transport", "Subscriptions");
        assertThat(items.findValues("isDefault")).allSatisfy(d -> assertThat(d.asBoolean()).isTrue());
        assertThat(ruleIds(ada.id())).containsExactlyInAnyOrderElementsOf(
                DefaultCatalog.rules(user).stream().map(r -> r.id().toString()).toList());
    }

    @Test
    void deletingADefaultCategoryAlsoDeletesTheDefaultRuleThatSetsIt() throws Exception {
        Session bob = http.newSession("bob-" + UUID.randomUUID() + "@example.com");
        UUID user = UUID.fromString(bob.id());
        String coffee = DefaultCatalog.categoryId(user, "coffee").toString();
        await("default categories").atMost(PIPELINE_DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/categories/" + coffee, bob.token()).status() == 200);
        await("default rules").atMost(PIPELINE_DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> ruleIds(bob.id()).size() == DefaultCatalog.keywordRules().size());

        assertThat(delete("/categories/" + coffee, bob.token()).statusCode()).isEqualTo(204);

        assertThat(http.get("/categories/" + coffee, bob.token()).status()).isEqualTo(404);
        assertThat(ruleIds(bob.id())).hasSize(DefaultCatalog.keywordRules().size() - 1)
                .doesNotContain(DefaultCatalog.ruleId(user, "coffee").toString());
    }

    private static HttpResponse<String> delete(String path, String token) {
        return http.send("DELETE", path, token, null, Map.of()).raw();
    }

    private static List<String> ruleIds(String userId) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(env.jdbcUrl()); PreparedStatement s = c.prepareStatement(
                "SELECT id FROM category_rules WHERE user_id = ?::uuid AND is_default")) {
            s.setString(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }
}
