package io.ganaka.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.api.RunningApi.User;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload.BudgetChanged;
import io.ganaka.schemas.EventPayload.BudgetItem;
import io.ganaka.schemas.EventType;
import io.ganaka.schemas.Json;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /budgets} over real HTTP against real Postgres and NATS JetStream. */
class BudgetsApiIT {

    @AutoClose
    private static RunningApi running;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        running = new RunningApi(ApiOptions.sharedEnvironment().namingSuffix("-budgets")
                .hasher(4, Duration.ofSeconds(10)));
        api = running.client;
    }

    @Test
    void withoutAnyBudgetAMonthAnswersTheEmptyDefault() throws Exception {
        User ada = running.signedInUser();

        assertThat(json(api.get("/budgets/2026/3", ada.token())))
                .isEqualTo(Json.MAPPER.readTree("{\"year\":2026,\"month\":3,\"source\":\"default\",\"items\":[]}"));
        assertThat(json(api.get("/budgets/default", ada.token())))
                .isEqualTo(Json.MAPPER.readTree("{\"year\":null,\"month\":null,\"source\":\"default\",\"items\":[]}"));
    }

    @Test
    void theDefaultAppliesToEveryMonthWithoutItemsOfItsOwn() throws Exception {
        User ada = running.signedInUser();
        String coffee = category(ada, "Coffee");

        HttpResponse<String> saved = put("/budgets/default", items(item(null, "EUR", "1500"),
                item(coffee, "EUR", "40.5"), item(null, "JPY", "20000")), ada.token());

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode expected = Json.MAPPER.readTree("[{\"categoryId\":null,\"currency\":\"EUR\",\"amount\":\"1500.00\"},"
                + "{\"categoryId\":null,\"currency\":\"JPY\",\"amount\":\"20000\"},"
                + "{\"categoryId\":\"" + coffee + "\",\"currency\":\"EUR\",\"amount\":\"40.50\"}]");
        assertThat(json(saved).get("items")).isEqualTo(expected);
        assertThat(json(api.get("/budgets/default", ada.token()))).isEqualTo(json(saved));
        JsonNode march = json(api.get("/budgets/2026/3", ada.token()));
        assertThat(march.get("source").asText()).isEqualTo("default");
        assertThat(march.get("year").asInt()).isEqualTo(2026);
        assertThat(march.get("items")).isEqualTo(expected);
        assertThat(StoredEvents.of(running, EventType.BUDGET_CHANGED, ada.id())).extracting(Event::data)
                .containsExactly(new BudgetChanged(null, null, List.of(
                        new BudgetItem(null, "EUR", new BigDecimal("1500.00")),
                        new BudgetItem(null, "JPY", new BigDecimal("20000")),
                        new BudgetItem(coffee, "EUR", new BigDecimal("40.50")))));
    }

    @Test
    void aMonthsOwnItemsReplaceTheDefaultAndEachPutReplacesThePrevious() throws Exception {
        User ada = running.signedInUser();
        String coffee = category(ada, "Coffee");
        put("/budgets/default", items(item(null, "EUR", "1000")), ada.token());

        HttpResponse<String> first = put("/budgets/2026/3", items(item(coffee, "EUR", "60"), item(null, "USD", "5")),
                ada.token());
        HttpResponse<String> second = put("/budgets/2026/3", items(item(coffee, "EUR", "70")), ada.token());

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json(first).get("source").asText()).isEqualTo("month");
        assertThat(json(second).get("items")).isEqualTo(Json.MAPPER.readTree(
                "[{\"categoryId\":\"" + coffee + "\",\"currency\":\"EUR\",\"amount\":\"70.00\"}]"));
        assertThat(json(api.get("/budgets/2026/3", ada.token()))).isEqualTo(json(second));
        assertThat(json(api.get("/budgets/2026/4", ada.token())).get("source").asText()).isEqualTo("default");
        assertThat(StoredEvents.of(running, EventType.BUDGET_CHANGED, ada.id())).extracting(Event::data)
                .containsExactly(
                        new BudgetChanged(null, null, List.of(new BudgetItem(null, "EUR", new BigDecimal("1000.00")))),
                        new BudgetChanged(2026, 3, List.of(new BudgetItem(null, "USD", new BigDecimal("5.00")),
                                new BudgetItem(coffee, "EUR", new BigDecimal("60.00")))),
                        new BudgetChanged(2026, 3, List.of(new BudgetItem(coffee, "EUR", new BigDecimal("70.00")))));

        // No items of its own any more: the month falls back to the default.
        HttpResponse<String> cleared = put("/budgets/2026/3", "{\"items\":[]}", ada.token());
        assertThat(json(cleared).get("source").asText()).isEqualTo("default");
        assertThat(json(cleared).at("/items/0/amount").asText()).isEqualTo("1000.00");
    }

    @Test
    void yearsAndMonthsOutOfRangeAnswer400() throws Exception {
        User ada = running.signedInUser();
        long events = running.storedEvents();

        for (String path : List.of("/budgets/1969/1", "/budgets/10000/1", "/budgets/2026/0", "/budgets/2026/13",
                "/budgets/twenty/3", "/budgets/2026/-1")) {
            Problems.assertProblem(api.get(path, ada.token()), 400, "validation");
            Problems.assertProblem(put(path, items(item(null, "EUR", "1")), ada.token()), 400, "validation");
        }
        assertThat(json(api.get("/budgets/1970/1", ada.token())).get("year").asInt()).isEqualTo(1970);
        assertThat(json(api.get("/budgets/9999/12", ada.token())).get("month").asInt()).isEqualTo(12);
        assertThat(running.storedEvents()).isEqualTo(events);
    }

    @Test
    void invalidItemsAnswer400NamingEachAndChangeNothing() throws Exception {
        User ada = running.signedInUser();
        put("/budgets/2026/3", items(item(null, "EUR", "100")), ada.token());
        JsonNode before = json(api.get("/budgets/2026/3", ada.token()));
        long events = running.storedEvents();

        HttpResponse<String> response = put("/budgets/2026/3", items(item(null, "EUR", "0"), item(null, "EURO", "1"),
                item("not-a-uuid", "EUR", "1"), item(null, "JPY", "1.5"), item(null, "USD", "10000000000"),
                "{\"currency\":\"GBP\",\"amount\":\"1\",\"note\":\"x\"}", item(null, "CHF", "1"),
                item(null, "CHF", "2")), ada.token());

        Problems.assertProblem(response, 400, "validation");
        assertThat(json(response).get("errors").findValuesAsText("field")).containsExactly("items[0].amount",
                "items[1].currency", "items[2].categoryId", "items[3].amount", "items[4].amount", "items[5].note",
                "items[7]");
        Problems.assertProblem(put("/budgets/default", "{\"items\":" + "[" + String.join(",",
                java.util.Collections.nCopies(201, item(null, "EUR", "1"))) + "]}", ada.token()), 400, "validation");
        Problems.assertProblem(put("/budgets/default", "{}", ada.token()), 400, "validation");
        Problems.assertProblem(put("/budgets/default", "[]", ada.token()), 400, "malformed-request");
        assertThat(json(api.get("/budgets/2026/3", ada.token()))).isEqualTo(before);
        assertThat(running.storedEvents()).isEqualTo(events);
    }

    @Test
    void aCategoryThatIsNotTheCallersAnswers422AndChangesNothing() throws Exception {
        User owner = running.signedInUser();
        User ada = running.signedInUser();
        String theirs = category(owner, "Secret");
        long events = running.storedEvents();

        for (String categoryId : List.of(theirs, UUID.randomUUID().toString())) {
            HttpResponse<String> response = put("/budgets/2026/3", items(item(null, "EUR", "1"),
                    item(categoryId, "EUR", "5")), ada.token());
            Problems.assertProblem(response, 422, "unprocessable");
            assertThat(json(response).get("errors").findValuesAsText("field")).containsExactly("items[1].categoryId");
            assertThat(response.body()).doesNotContain(theirs).doesNotContain("Secret");
        }
        assertThat(running.storedEvents()).isEqualTo(events);
        assertThat(json(api.get("/budgets/2026/3", ada.token())).get("items").size()).isZero();
    }

    @Test
    void aUserSeesOnlyTheirOwnBudgets() throws Exception {
        User owner = running.signedInUser();
        User ada = running.signedInUser();
        put("/budgets/default", items(item(null, "EUR", "4321.09")), owner.token());
        put("/budgets/2026/3", items(item(null, "EUR", "1234.56")), owner.token());

        assertThat(json(api.get("/budgets/default", ada.token())).get("items").size()).isZero();
        assertThat(json(api.get("/budgets/2026/3", ada.token())).get("items").size()).isZero();
    }

    @Test
    void whenTheEventCannotBeStoredAPutAnswers503AndNothingChanges() throws Exception {
        User ada = running.signedInUser();
        try (ApiServer api2 = running.startStreamlessServer("-budgets-nostream", TestLimits.GENEROUS)) {
            ApiClient client = new ApiClient(api2.port());
            HttpResponse<String> response = client.putJson("/budgets/default", items(item(null, "EUR", "1")),
                    ada.token());

            Problems.assertProblem(response, 503, "service-unavailable");
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
        }
        assertThat(json(api.get("/budgets/default", ada.token())).get("items").size()).isZero();
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static String category(User user, String name) throws Exception {
        HttpResponse<String> created = api.postJson("/categories", "{\"name\":\"" + name + "\"}", user.token());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asText();
    }

    private static String item(String categoryId, String currency, String amount) {
        return "{\"categoryId\":" + (categoryId == null ? "null" : "\"" + categoryId + "\"") + ",\"currency\":\""
                + currency + "\",\"amount\":\"" + amount + "\"}";
    }

    private static String items(String... items) {
        return "{\"items\":[" + String.join(",", items) + "]}";
    }

    private static HttpResponse<String> put(String path, String json, String token) throws Exception {
        return api.putJson(path, json, token);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return ApiClient.json(response);
    }
}
