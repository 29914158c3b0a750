package io.ganaka.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.api.RunningApi.User;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload.BudgetChanged;
import io.ganaka.schemas.EventPayload.BudgetItem;
import io.ganaka.schemas.EventPayload.CategoryCreated;
import io.ganaka.schemas.EventPayload.CategoryDeleted;
import io.ganaka.schemas.EventPayload.CategoryUpdated;
import io.ganaka.schemas.EventPayload.ExpenseCategorized;
import io.ganaka.schemas.EventPayload.RuleChanged;
import io.ganaka.schemas.EventType;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
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

/** {@code /categories} over real HTTP against real Postgres and NATS JetStream (no sinks: projections are seeded). */
class CategoriesApiIT {

    @AutoClose
    private static RunningApi running;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        running = new RunningApi(ApiOptions.sharedEnvironment().namingSuffix("-categories")
                .hasher(4, Duration.ofSeconds(10)));
        api = running.client;
    }

    @Test
    void postCreatesACategoryAnswers201WithLocationAndPublishesCategoryCreated() throws Exception {
        User ada = running.signedInUser();

        HttpResponse<String> created = post("/categories",
                "{\"name\":\"  Coffee \",\"description\":\"Beans\",\"color\":\"#8A5A44\"}", ada.token());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = ApiClient.json(created);
        String id = body.get("id").asText();
        assertThat(created.headers().firstValue("Location")).contains("/categories/" + id);
        assertThat(body.get("name").asText()).isEqualTo("Coffee");
        assertThat(body.get("description").asText()).isEqualTo("Beans");
        assertThat(body.get("color").asText()).isEqualTo("#8a5a44");
        assertThat(body.get("isDefault").asBoolean()).isFalse();
        // Synchronous: the very next read sees it.
        assertThat(ApiClient.json(api.get("/categories/" + id, ada.token()))).isEqualTo(body);
        assertThat(StoredEvents.of(running, EventType.CATEGORY_CREATED, ada.id())).extracting(Event::data)
                .containsExactly(new CategoryCreated(id, "Coffee", "Beans", "#8a5a44"));
    }

    @Test
    void theListHoldsOnlyTheCallersCategoriesOrderedByNameIgnoringCase() throws Exception {
        User ada = running.signedInUser();
        User bob = running.signedInUser();
        for (String name : List.of("cherry", "Apple", "banana")) {
            assertThat(post("/categories", "{\"name\":\"" + name + "\"}", ada.token()).statusCode()).isEqualTo(201);
        }
        assertThat(post("/categories", "{\"name\":\"Bob's\"}", bob.token()).statusCode()).isEqualTo(201);

        HttpResponse<String> list = api.get("/categories", ada.token());

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(list).get("items").findValuesAsText("name"))
                .containsExactly("Apple", "banana", "cherry");
        assertThat(ApiClient.json(list).get("items").get(0).fieldNames()).toIterable()
                .containsExactlyInAnyOrder("id", "name", "description", "color", "isDefault");
    }

    @Test
    void aNameTakenIgnoringCaseAnswers409AndNothingIsStoredOrPublished() throws Exception {
        User ada = running.signedInUser();
        String coffee = id(post("/categories", "{\"name\":\"Coffee\"}", ada.token()));
        String tea = id(post("/categories", "{\"name\":\"Tea\"}", ada.token()));
        long events = running.storedEvents();

        HttpResponse<String> same = post("/categories", "{\"name\":\"Coffee\"}", ada.token());
        HttpResponse<String> otherCase = post("/categories", "{\"name\":\"cOFFEE\"}", ada.token());
        HttpResponse<String> rename = put("/categories/" + tea, "{\"name\":\" COFFEE \"}", ada.token());

        for (HttpResponse<String> response : List.of(same, otherCase, rename)) {
            Problems.assertProblem(response, 409, "category-name-taken");
        }
        assertThat(running.storedEvents()).isEqualTo(events);
        assertThat(ApiClient.json(api.get("/categories", ada.token())).get("items").findValuesAsText("name"))
                .containsExactly("Coffee", "Tea");
        // A category may change the case of its own name, and another user may use the same name.
        assertThat(put("/categories/" + coffee, "{\"name\":\"COFFEE\"}", ada.token()).statusCode()).isEqualTo(200);
        assertThat(post("/categories", "{\"name\":\"Coffee\"}", running.signedInUser().token()).statusCode())
                .isEqualTo(201);
    }

    @Test
    void putReplacesEveryFieldAndPublishesCategoryUpdated() throws Exception {
        User ada = running.signedInUser();
        String id = id(post("/categories", "{\"name\":\"Coffee\",\"description\":\"Beans\",\"color\":\"#000000\"}",
                ada.token()));

        HttpResponse<String> replaced = put("/categories/" + id, "{\"name\":\"Café\"}", ada.token());

        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        JsonNode body = ApiClient.json(replaced);
        assertThat(body.get("name").asText()).isEqualTo("Café");
        assertThat(body.get("description").isNull()).isTrue();
        assertThat(body.get("color").isNull()).isTrue();
        assertThat(ApiClient.json(api.get("/categories/" + id, ada.token()))).isEqualTo(body);
        assertThat(StoredEvents.of(running, EventType.CATEGORY_UPDATED, ada.id())).extracting(Event::data)
                .containsExactly(new CategoryUpdated(id, "Café", null, null));
    }

    @Test
    void invalidBodiesAnswer400NamingEachFieldAndChangeNothing() throws Exception {
        User ada = running.signedInUser();
        String id = id(post("/categories", "{\"name\":\"Coffee\"}", ada.token()));
        long events = running.storedEvents();
        Map<String, List<String>> cases = Map.of(
                "{}", List.of("name"),
                "{\"name\":\"   \"}", List.of("name"),
                "{\"name\":\"" + "n".repeat(61) + "\"}", List.of("name"),
                "{\"name\":\"A\",\"description\":\"" + "d".repeat(501) + "\"}", List.of("description"),
                "{\"name\":\"A\",\"color\":\"blue\"}", List.of("color"),
                "{\"name\":\"A\",\"colour\":\"#000000\",\"isDefault\":true}", List.of("colour", "isDefault"),
                "{\"name\":\"A\",\"id\":\"" + id + "\"}", List.of("id"));

        for (Map.Entry<String, List<String>> c : cases.entrySet()) {
            for (HttpResponse<String> response : List.of(post("/categories", c.getKey(), ada.token()),
                    put("/categories/" + id, c.getKey(), ada.token()))) {
                Problems.assertProblem(response, 400, "validation");
                assertThat(ApiClient.json(response).get("errors").findValuesAsText("field")).as(c.getKey())
                        .containsExactlyInAnyOrderElementsOf(c.getValue());
            }
        }
        Problems.assertProblem(post("/categories", "[]", ada.token()), 400, "malformed-request");
        Problems.assertProblem(post("/categories", "{\"name\":", ada.token()), 400, "malformed-request");
        Problems.assertProblem(api.post("/categories", "{\"name\":\"A\"}", "text/plain", ada.token()), 415,
                "unsupported-media-type");
        assertThat(running.storedEvents()).isEqualTo(events);
        assertThat(ApiClient.json(api.get("/categories", ada.token())).get("items").findValuesAsText("name"))
                .containsExactly("Coffee");
    }

    @Test
    void anotherUsersCategoryAndMalformedIdsAreNotFoundForEveryMethod() throws Exception {
        User owner = running.signedInUser();
        User stranger = running.signedInUser();
        String id = id(post("/categories", "{\"name\":\"Secret\"}", owner.token()));
        long events = running.storedEvents();

        for (String path : List.of("/categories/" + id, "/categories/" + UUID.randomUUID(), "/categories/nope",
                "/categories/" + id.toUpperCase().replace("-", ""))) {
            for (HttpResponse<String> response : List.of(api.get(path, stranger.token()),
                    put(path, "{\"name\":\"Mine\"}", stranger.token()), delete(path, stranger.token()))) {
                Problems.assertProblem(response, 404, "not-found");
                assertThat(response.body()).doesNotContain("Secret");
            }
        }
        assertThat(running.storedEvents()).isEqualTo(events);
        assertThat(ApiClient.json(api.get("/categories/" + id, owner.token())).get("name").asText())
                .isEqualTo("Secret");
    }

    @Test
    void aUserHasAtMostFiveHundredCategories() throws Exception {
        User ada = running.signedInUser();
        sql("INSERT INTO categories (user_id, id, name) SELECT ?::uuid, gen_random_uuid(), 'c' || n"
                + " FROM generate_series(1, 500) n", ada.id());

        Problems.assertProblem(post("/categories", "{\"name\":\"One more\"}", ada.token()), 409,
                "category-limit-reached");
        assertThat(ApiClient.json(api.get("/categories", ada.token())).get("items").size()).isEqualTo(500);
    }

    @Test
    void deletingMovesItsExpensesToUncategorizedByEventsAndRemovesItsRulesAndBudgets() throws Exception {
        User ada = running.signedInUser();
        User bob = running.signedInUser();
        String coffee = id(post("/categories", "{\"name\":\"Coffee\"}", ada.token()));
        String rent = id(post("/categories", "{\"name\":\"Rent\"}", ada.token()));
        UUID live1 = expense(ada.id(), coffee, 1, false, "{morning}");
        UUID live2 = expense(ada.id(), coffee, 5, false, "{a,b}");
        expense(ada.id(), coffee, 3, true, "{}"); // a tombstone: nothing to move
        expense(ada.id(), rent, 2, false, "{}");
        // Another user's row naming the same category id: never theirs to move.
        expense(bob.id(), coffee, 1, false, "{}");
        UUID coffeeRule = rule(ada.id(), coffee);
        UUID rentRule = rule(ada.id(), rent);
        budget(ada.id(), 0, 0, null, "1000.00");
        budget(ada.id(), 0, 0, coffee, "50.00");
        budget(ada.id(), 2026, 3, coffee, "60.00");
        budget(ada.id(), 2026, 4, rent, "900.00");

        HttpResponse<String> response = delete("/categories/" + coffee, ada.token());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(StoredEvents.of(running, EventType.EXPENSE_CATEGORIZED, ada.id())).extracting(Event::data)
                .containsExactlyInAnyOrder(
                        new ExpenseCategorized(live1.toString(), 1, null, "none", List.of("morning"), null,
                                "category-deleted"),
                        new ExpenseCategorized(live2.toString(), 5, null, "none", List.of("a", "b"), null,
                                "category-deleted"));
        assertThat(StoredEvents.of(running, EventType.RULE_CHANGED, ada.id())).extracting(Event::data)
                .containsExactly(new RuleChanged(coffeeRule.toString(), "deleted", null));
        assertThat(StoredEvents.of(running, EventType.BUDGET_CHANGED, ada.id())).extracting(Event::data)
                .containsExactly(
                        new BudgetChanged(null, null, List.of(new BudgetItem(null, "EUR", new BigDecimal("1000.00")))),
                        new BudgetChanged(2026, 3, List.of()));
        assertThat(StoredEvents.of(running, EventType.CATEGORY_DELETED, ada.id())).extracting(Event::data)
                .containsExactly(new CategoryDeleted(coffee));
        assertThat(StoredEvents.of(running, EventType.EXPENSE_CATEGORIZED, bob.id())).isEmpty();
        // The category.deleted comes after the moves, rules and budgets.
        List<Event> all = StoredEvents.of(running, ada.id());
        assertThat(all.get(all.size() - 1).eventType()).isEqualTo(EventType.CATEGORY_DELETED);

        Problems.assertProblem(api.get("/categories/" + coffee, ada.token()), 404, "not-found");
        assertThat(ids("SELECT id FROM category_rules WHERE user_id = ?::uuid", ada.id())).containsExactly(rentRule);
        assertThat(count("SELECT count(*) FROM budgets WHERE user_id = ?::uuid AND category_id IS NOT NULL",
                ada.id())).isEqualTo(1);
        // Not silently updated: the projection changes only when the sink applies the events.
        assertThat(count("SELECT count(*) FROM expenses WHERE user_id = ?::uuid AND category_id = '" + coffee + "'",
                ada.id())).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM expenses WHERE user_id = ?::uuid", bob.id())).isEqualTo(1);
    }

    @Test
    void deletingACategoryWithManyExpensesPublishesOneMovePerExpenseAcrossPages() throws Exception {
        User ada = running.signedInUser();
        String coffee = id(post("/categories", "{\"name\":\"Coffee\"}", ada.token()));
        int expenses = 1_203; // more than two pages of 500
        sql("INSERT INTO expenses (user_id, id, version, amount, currency, description, occurred_at, category_id,"
                + " created_at, updated_at) SELECT ?::uuid, gen_random_uuid(), 1, 1.00, 'EUR', 'e' || n,"
                + " now(), '" + coffee + "', now(), now() FROM generate_series(1, " + expenses + ") n", ada.id());

        assertThat(delete("/categories/" + coffee, ada.token()).statusCode()).isEqualTo(204);

        List<String> moved = StoredEvents.of(running, EventType.EXPENSE_CATEGORIZED, ada.id()).stream()
                .map(e -> ((ExpenseCategorized) e.data()).expenseId()).toList();
        assertThat(moved).hasSize(expenses).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(ids("SELECT id FROM expenses WHERE user_id = ?::uuid", ada.id())
                        .stream().map(UUID::toString).toList());
    }

    @Test
    void whenTheEventCannotBeStoredWritesAnswer503AndNothingChanges() throws Exception {
        User ada = running.signedInUser();
        String coffee = id(post("/categories", "{\"name\":\"Coffee\"}", ada.token()));
        expense(ada.id(), coffee, 1, false, "{}");
        try (ApiServer api2 = running.startStreamlessServer("-categories-nostream", TestLimits.GENEROUS)) {
            ApiClient client = new ApiClient(api2.port());
            HttpResponse<String> create = client.postJson("/categories", "{\"name\":\"Tea\"}", ada.token());
            HttpResponse<String> rename = client.putJson("/categories/" + coffee, "{\"name\":\"Tea\"}", ada.token());
            HttpResponse<String> remove = client.delete("/categories/" + coffee, ada.token());

            for (HttpResponse<String> response : List.of(create, rename, remove)) {
                Problems.assertProblem(response, 503, "service-unavailable");
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
            }
        }
        assertThat(ApiClient.json(api.get("/categories", ada.token())).get("items").findValuesAsText("name"))
                .containsExactly("Coffee");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static String id(HttpResponse<String> created) throws Exception {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ApiClient.json(created).get("id").asText();
    }

    private static HttpResponse<String> post(String path, String json, String token) throws Exception {
        return api.postJson(path, json, token);
    }

    private static HttpResponse<String> put(String path, String json, String token) throws Exception {
        return api.putJson(path, json, token);
    }

    private static HttpResponse<String> delete(String path, String token) throws Exception {
        return api.delete(path, token);
    }

    /** A projected expense row, as the expense sink would have written it. */
    private static UUID expense(String userId, String categoryId, long version, boolean deleted, String tags)
            throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = running.db.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO expenses (user_id, id, version, amount, currency, description, occurred_at, category_id,"
                        + " tags, deleted, created_at, updated_at) VALUES (?::uuid, ?, ?, 9.99, 'EUR', 'x', now(),"
                        + " ?::uuid, ?::text[], ?, now(), now())")) {
            s.setString(1, userId);
            s.setObject(2, id);
            s.setLong(3, version);
            s.setString(4, categoryId);
            s.setString(5, tags);
            s.setBoolean(6, deleted);
            s.executeUpdate();
        }
        return id;
    }

    private static UUID rule(String userId, String categoryId) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = running.db.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO category_rules (user_id, id, name, priority, definition) VALUES (?::uuid, ?, 'r', 10,"
                        + " ?::jsonb)")) {
            s.setString(1, userId);
            s.setObject(2, id);
            s.setString(3, "{\"match\":\"any\",\"conditions\":[{\"field\":\"description\",\"operator\":\"contains\","
                    + "\"value\":\"x\"}],\"actions\":{\"categoryId\":\"" + categoryId + "\",\"tags\":[]}}");
            s.executeUpdate();
        }
        return id;
    }

    private static void budget(String userId, int year, int month, String categoryId, String amount)
            throws Exception {
        try (Connection c = running.db.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO budgets (user_id, year, month, category_id, currency, amount)"
                        + " VALUES (?::uuid, ?, ?, ?::uuid, 'EUR', ?)")) {
            s.setString(1, userId);
            s.setInt(2, year);
            s.setInt(3, month);
            s.setString(4, categoryId);
            s.setBigDecimal(5, new BigDecimal(amount));
            s.executeUpdate();
        }
    }

    private static void sql(String sql, String userId) throws Exception {
        try (Connection c = running.db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, userId);
            s.executeUpdate();
        }
    }

    private static int count(String sql, String userId) throws Exception {
        return running.count(sql, userId);
    }

    private static List<UUID> ids(String sql, String userId) throws Exception {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = running.db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }
}
