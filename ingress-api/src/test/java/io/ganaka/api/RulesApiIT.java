package io.ganaka.api;

import static io.ganaka.api.Problems.withoutInstance;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ganaka.api.RunningApi.User;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventCodec;
import io.ganaka.schemas.EventPayload.ExpenseCategorized;
import io.ganaka.schemas.EventPayload.RuleChanged;
import io.ganaka.schemas.EventType;
import io.ganaka.schemas.Json;
import io.ganaka.schemas.rules.RuleDefinition;
import io.ganaka.schemas.rules.RuleDefinition.RuleCondition;
import io.nats.client.JetStreamManagement;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /rules} over real HTTP against real Postgres and NATS JetStream: every endpoint, every validation rule, other
 * users' ids and categories, the {@code rule.changed} events, and {@code POST /rules/apply} on seeded projection rows.
 */
class RulesApiIT {

    @AutoClose
    private static RunningApi running;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        running = new RunningApi(ApiOptions.sharedEnvironment().namingSuffix("-rules"));
        api = running.client;
    }

    private static String rule(String name, int priority, UUID categoryId, String... tags) {
        return """
                {"name":"%s","priority":%d,"match":"any","conditions":[
                  {"field":"description","operator":"contains","value":"espresso"},
                  {"field":"merchant","operator":"regex","value":"^star(bucks)?"},
                  {"field":"amount","operator":"lte","value":"4.50"}],
                 "actions":{"categoryId":%s,"tags":%s},"stopProcessing":true}""".formatted(name, priority,
                categoryId == null ? "null" : "\"" + categoryId + "\"", toJson(List.of(tags)));
    }

    // ---- create, read, list, replace, delete ----------------------------------------------------------------------

    @Test
    void aCreatedRuleAnswers201WithLocationIsStoredAndPublished() throws Exception {
        User ada = running.signedInUser();
        UUID coffee = category(ada);
        long before = lastSequence();

        HttpResponse<String> created = api.postJson("/rules", rule("Coffee", 10, coffee, "caffeine"), ada.token());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = ApiClient.json(created);
        String id = body.get("id").asText();
        assertThat(created.headers().firstValue("Location")).contains("/rules/" + id);
        assertThat(body.get("name").asText()).isEqualTo("Coffee");
        assertThat(body.get("priority").asInt()).isEqualTo(10);
        assertThat(body.get("match").asText()).isEqualTo("any");
        assertThat(body.get("conditions").size()).isEqualTo(3);
        assertThat(body.at("/conditions/2").toString())
                .isEqualTo("{\"field\":\"amount\",\"operator\":\"lte\",\"value\":\"4.50\"}");
        assertThat(body.at("/actions/categoryId").asText()).isEqualTo(coffee.toString());
        assertThat(body.at("/actions/tags/0").asText()).isEqualTo("caffeine");
        assertThat(body.get("stopProcessing").asBoolean()).isTrue();
        assertThat(body.get("isDefault").asBoolean()).isFalse();
        assertThat(body.get("createdAt").asText()).isNotBlank();

        Event stored = only(eventsSince(before, EventType.RULE_CHANGED, ada.id()));
        RuleChanged event = (RuleChanged) stored.data();
        assertThat(event.ruleId()).isEqualTo(id);
        assertThat(event.change()).isEqualTo("created");
        // Consumers of the event break priority ties by creation time: it is the event's time.
        assertThat(Instant.parse(body.get("createdAt").asText())).isEqualTo(stored.occurredAt());
        assertThat(event.rule().name()).isEqualTo("Coffee");
        assertThat(event.rule().conditions()).contains(new RuleCondition("merchant", "regex", "^star(bucks)?"));
        // The row holds the same definition as JSON.
        assertThat(storedDefinition(ada, id)).isEqualTo(event.rule());
        assertThat(ApiClient.json(api.get("/rules/" + id, ada.token()))).isEqualTo(body);
    }

    @Test
    void theListComesInEvaluationOrder() throws Exception {
        User ada = running.signedInUser();
        String late = createdId(ada, rule("late", 30, null, "c"));
        String early = createdId(ada, rule("early", 10, null, "a"));
        String tieOlder = createdId(ada, rule("tie older", 20, null, "b"));
        String tieNewer = createdId(ada, rule("tie newer", 20, null, "b"));

        HttpResponse<String> list = api.get("/rules", ada.token());

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(list).get("items").findValuesAsText("id"))
                .containsExactly(early, tieOlder, tieNewer, late);
        assertThat(ApiClient.json(api.get("/rules", running.signedInUser().token())).get("items").size()).isZero();
    }

    @Test
    void putReplacesTheRuleAndPublishesUpdated() throws Exception {
        User ada = running.signedInUser();
        UUID food = category(ada);
        String id = createdId(ada, rule("Coffee", 10, null, "caffeine"));
        JsonNode before = ApiClient.json(api.get("/rules/" + id, ada.token()));
        long sequence = lastSequence();

        HttpResponse<String> put = put("/rules/" + id, """
                {"name":"Lunch","priority":5,"conditions":[{"field":"amount","operator":"gt","value":8}],
                 "actions":{"categoryId":"%s"}}""".formatted(food), ada.token());

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        JsonNode after = ApiClient.json(api.get("/rules/" + id, ada.token()));
        assertThat(after).isEqualTo(ApiClient.json(put));
        assertThat(after.get("name").asText()).isEqualTo("Lunch");
        assertThat(after.get("match").asText()).isEqualTo("all");
        assertThat(after.get("stopProcessing").asBoolean()).isFalse();
        assertThat(after.at("/actions/tags").size()).isZero();
        assertThat(after.get("createdAt")).isEqualTo(before.get("createdAt"));
        RuleChanged event = (RuleChanged) only(eventsSince(sequence, EventType.RULE_CHANGED, ada.id())).data();
        assertThat(event.change()).isEqualTo("updated");
        assertThat(event.ruleId()).isEqualTo(id);
        assertThat(event.rule().conditions()).containsExactly(new RuleCondition("amount", "gt", "8"));
    }

    @Test
    void deleteRemovesTheRuleAndPublishesDeletedWithoutADefinition() throws Exception {
        User ada = running.signedInUser();
        String id = createdId(ada, rule("Coffee", 10, null, "caffeine"));
        long sequence = lastSequence();

        HttpResponse<String> deleted = delete("/rules/" + id, ada.token());

        assertThat(deleted.statusCode()).isEqualTo(204);
        Problems.assertProblem(api.get("/rules/" + id, ada.token()), 404, "not-found");
        Problems.assertProblem(delete("/rules/" + id, ada.token()), 404, "not-found");
        RuleChanged event = (RuleChanged) only(eventsSince(sequence, EventType.RULE_CHANGED, ada.id())).data();
        assertThat(event.change()).isEqualTo("deleted");
        assertThat(event.ruleId()).isEqualTo(id);
        assertThat(event.rule()).isNull();
    }

    // ---- refusals --------------------------------------------------------------------------------------------------

    @Test
    void everyValidationRuleAnswers400NamingItsFieldAndStoresNothing() throws Exception {
        User ada = running.signedInUser();
        String id = createdId(ada, rule("Coffee", 10, null, "caffeine"));
        Map<String, String> cases = Map.ofEntries(
                Map.entry("name", "{\"priority\":1,\"conditions\":[%s],\"actions\":{\"tags\":[\"t\"]}}"),
                Map.entry("priority", body("\"priority\":10001")),
                Map.entry("match", body("\"match\":\"most\"")),
                Map.entry("conditions", "{\"name\":\"n\",\"priority\":1,\"conditions\":[],\"actions\":{\"tags\":[\"t\"]}}"),
                Map.entry("conditions[0].field", condition("{\"field\":\"notes\",\"operator\":\"contains\",\"value\":\"x\"}")),
                Map.entry("conditions[0].operator", condition("{\"field\":\"amount\",\"operator\":\"contains\",\"value\":\"1\"}")),
                Map.entry("conditions[0].value", condition("{\"field\":\"description\",\"operator\":\"contains\",\"value\":\"\"}")),
                Map.entry("conditions[0].value (too long)", condition("{\"field\":\"description\",\"operator\":"
                        + "\"contains\",\"value\":\"" + "x".repeat(501) + "\"}")),
                Map.entry("conditions[0].value (not a decimal)", condition("{\"field\":\"amount\",\"operator\":\"gt\",\"value\":\"ten\"}")),
                Map.entry("conditions[0].value (bad regex)", condition("{\"field\":\"merchant\",\"operator\":\"regex\",\"value\":\"(a\"}")),
                Map.entry("actions", body("\"actions\":{}")),
                Map.entry("actions.categoryId", body("\"actions\":{\"categoryId\":\"coffee\"}")),
                Map.entry("actions.tags", body("\"actions\":{\"tags\":" + toJson(java.util.Collections.nCopies(21, "t")) + "}")),
                Map.entry("actions.tags[0]", body("\"actions\":{\"tags\":[\"" + "x".repeat(51) + "\"]}")),
                Map.entry("stopProcessing", body("\"stopProcessing\":\"yes\"")),
                Map.entry("colour", body("\"colour\":\"red\"")));
        Map<String, String> snapshot = running.databaseSnapshot();
        long events = running.storedEvents();

        for (Map.Entry<String, String> c : cases.entrySet()) {
            String field = c.getKey().split(" ")[0];
            String json = c.getValue().contains("%s") ? c.getValue().formatted(CONDITION) : c.getValue();
            for (HttpResponse<String> response : List.of(api.postJson("/rules", json, ada.token()),
                    put("/rules/" + id, json, ada.token()))) {
                Problems.assertProblem(response, 400, "validation");
                assertThat(ApiClient.json(response).get("errors").findValuesAsText("field")).as(c.getKey())
                        .containsExactly(field);
            }
        }
        assertThat(running.databaseSnapshot()).isEqualTo(snapshot);
        assertThat(running.storedEvents()).isEqualTo(events);
    }

    @Test
    void anotherUsersCategoryIsRefused422LikeOneThatDoesNotExist() throws Exception {
        User ada = running.signedInUser();
        User eve = running.signedInUser();
        UUID adasCategory = category(ada);
        String evesRule = createdId(eve, rule("Mine", 1, null, "t"));
        Map<String, String> snapshot = running.databaseSnapshot();
        long events = running.storedEvents();

        List<HttpResponse<String>> refused = List.of(
                api.postJson("/rules", rule("Steal", 1, adasCategory), eve.token()),
                put("/rules/" + evesRule, rule("Steal", 1, adasCategory), eve.token()),
                api.postJson("/rules", rule("Nobody's", 1, UUID.randomUUID()), eve.token()));

        for (HttpResponse<String> response : refused) {
            Problems.assertProblem(response, 422, "unprocessable");
            assertThat(ApiClient.json(response).get("errors").findValuesAsText("field"))
                    .containsExactly("actions.categoryId");
            assertThat(withoutInstance(response)).isEqualTo(withoutInstance(refused.get(2)));
        }
        assertThat(running.databaseSnapshot()).isEqualTo(snapshot);
        assertThat(running.storedEvents()).isEqualTo(events);
    }

    @Test
    void anotherUsersRuleIsNotFoundForEveryMethodAndNothingChanges() throws Exception {
        User ada = running.signedInUser();
        User eve = running.signedInUser();
        String adasRule = createdId(ada, rule("Secret", 1, null, "secret-tag"));
        JsonNode nobody = withoutInstance(api.get("/rules/" + UUID.randomUUID(), eve.token()));
        Map<String, String> snapshot = running.databaseSnapshot();
        long events = running.storedEvents();

        for (HttpResponse<String> response : List.of(
                api.get("/rules/" + adasRule, eve.token()),
                put("/rules/" + adasRule, rule("Mine now", 1, null, "x"), eve.token()),
                delete("/rules/" + adasRule, eve.token()),
                api.get("/rules/not-a-uuid", eve.token()),
                put("/rules/not-a-uuid", rule("x", 1, null, "x"), eve.token()),
                delete("/rules/" + UUID.randomUUID(), eve.token()))) {
            Problems.assertProblem(response, 404, "not-found");
            assertThat(withoutInstance(response)).isEqualTo(nobody);
            assertThat(response.body()).doesNotContain("Secret").doesNotContain("secret-tag");
        }
        assertThat(running.databaseSnapshot()).isEqualTo(snapshot);
        assertThat(running.storedEvents()).isEqualTo(events);
        assertThat(ApiClient.json(api.get("/rules", eve.token())).get("items").size()).isZero();
    }

    @Test
    void whenTheEventCannotBeStoredChangesAnswer503AndNothingIsStored() throws Exception {
        User ada = running.signedInUser();
        UUID coffee = category(ada);
        String id = createdId(ada, rule("Coffee", 10, coffee, "caffeine"));
        expense(ada, 1, "Espresso", null, "none", false, List.of());
        Map<String, String> snapshot = running.databaseSnapshot();
        try (ApiServer api2 = running.startStreamlessServer("-rules-nostream", TestLimits.GENEROUS)) {
            ApiClient client = new ApiClient(api2.port());
            List<HttpResponse<String>> responses = List.of(
                    client.postJson("/rules", rule("New", 1, null, "x"), ada.token()),
                    client.putJson("/rules/" + id, rule("Changed", 1, null, "x"), ada.token()),
                    client.delete("/rules/" + id, ada.token()),
                    client.postJson("/rules/apply", "{}", ada.token()));

            for (HttpResponse<String> response : responses) {
                Problems.assertProblem(response, 503, "service-unavailable");
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
            }
        }
        assertThat(running.databaseSnapshot()).isEqualTo(snapshot);
    }

    @Test
    void aUserHasAtMost200Rules() throws Exception {
        User ada = running.signedInUser();
        try (java.sql.Connection c = running.db.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO category_rules (user_id, id, name, priority, definition) SELECT ?, gen_random_uuid(),"
                        + " 'r' || n, 1, '{}'::jsonb FROM generate_series(1, 199) n")) {
            s.setObject(1, UUID.fromString(ada.id()));
            s.executeUpdate();
        }
        assertThat(api.postJson("/rules", rule("200th", 1, null, "t"), ada.token()).statusCode()).isEqualTo(201);
        long events = running.storedEvents();

        HttpResponse<String> refused = api.postJson("/rules", rule("201st", 1, null, "t"), ada.token());

        Problems.assertProblem(refused, 409, "rule-limit");
        assertThat(running.storedEvents()).isEqualTo(events);
        assertThat(api.postJson("/rules", rule("first", 1, null, "t"), running.signedInUser().token()).statusCode())
                .isEqualTo(201);
    }

    // ---- apply -----------------------------------------------------------------------------------------------------

    @Test
    void applyPublishesExpenseCategorizedForEachUncategorizedExpenseARuleCategorizes() throws Exception {
        User ada = running.signedInUser();
        User eve = running.signedInUser();
        UUID coffee = category(ada);
        UUID food = category(ada);
        createdId(ada, """
                {"name":"tagger","priority":1,"conditions":[{"field":"amount","operator":"gt","value":"0"}],
                 "actions":{"tags":["seen"]}}""");
        String coffeeRule = createdId(ada, """
                {"name":"coffee","priority":2,"conditions":[{"field":"description","operator":"contains","value":"ESPRESSO"}],
                 "actions":{"categoryId":"%s","tags":["caffeine","own"]}}""".formatted(coffee));
        createdId(ada, """
                {"name":"later","priority":3,"conditions":[{"field":"description","operator":"contains","value":"espresso"}],
                 "actions":{"categoryId":"%s"}}""".formatted(food));
        createdId(eve, """
                {"name":"eve's","priority":1,"conditions":[{"field":"amount","operator":"gt","value":"0"}],
                 "actions":{"tags":["eve"]}}""");
        UUID espresso = expense(ada, 3, "Double espresso", null, "none", false, List.of("own", "work"));
        expense(ada, 1, "Lunch", null, "none", false, List.of());
        expense(ada, 1, "Espresso at home", food, "user", false, List.of());
        expense(ada, 2, "Espresso, deleted", null, "none", true, List.of());
        expense(eve, 1, "Espresso", null, "none", false, List.of());
        long sequence = lastSequence();

        HttpResponse<String> applied = api.postJson("/rules/apply", "{}", ada.token());

        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(202);
        assertThat(ApiClient.json(applied)).isEqualTo(Json.MAPPER.readTree("{\"examined\":2,\"categorized\":1}"));
        ExpenseCategorized event = (ExpenseCategorized)
                only(eventsSince(sequence, EventType.EXPENSE_CATEGORIZED, ada.id())).data();
        assertThat(event).isEqualTo(new ExpenseCategorized(espresso.toString(), 3, coffee.toString(), "rule",
                List.of("own", "work", "seen", "caffeine"), coffeeRule, "rules-applied"));
        assertThat(eventsSince(sequence, EventType.EXPENSE_CATEGORIZED, eve.id())).isEmpty();
    }

    @Test
    void applyPagesThroughEveryUncategorizedExpense() throws Exception {
        User ada = running.signedInUser();
        UUID coffee = category(ada);
        createdId(ada, """
                {"name":"coffee","priority":1,"conditions":[{"field":"description","operator":"startsWith","value":"coffee"}],
                 "actions":{"categoryId":"%s"}}""".formatted(coffee));
        // More than a page, all at the same instant, so the keyset's id tie-break decides the pages.
        int count = 1203;
        try (java.sql.Connection c = running.db.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO expenses (user_id, id, version, amount, currency, description, occurred_at, created_at,"
                        + " updated_at) SELECT ?, gen_random_uuid(), 1, 2.50, 'EUR', 'coffee ' || n,"
                        + " '2026-03-15T12:00:00Z', now(), now() FROM generate_series(1, ?) n")) {
            s.setObject(1, UUID.fromString(ada.id()));
            s.setInt(2, count);
            s.executeUpdate();
        }
        long sequence = lastSequence();

        HttpResponse<String> applied = api.postJson("/rules/apply", "", ada.token());

        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(202);
        assertThat(ApiClient.json(applied).get("examined").asInt()).isEqualTo(count);
        assertThat(ApiClient.json(applied).get("categorized").asInt()).isEqualTo(count);
        List<Event> events = eventsSince(sequence, EventType.EXPENSE_CATEGORIZED, ada.id());
        assertThat(events).hasSize(count);
        assertThat(events.stream().map(e -> ((ExpenseCategorized) e.data()).expenseId()).distinct()).hasSize(count);
    }

    @Test
    void applyWithoutRulesExaminesButPublishesNothing() throws Exception {
        User ada = running.signedInUser();
        expense(ada, 1, "Espresso", null, "none", false, List.of());
        long events = running.storedEvents();

        HttpResponse<String> applied = api.postJson("/rules/apply", "{}", ada.token());

        assertThat(ApiClient.json(applied)).isEqualTo(Json.MAPPER.readTree("{\"examined\":1,\"categorized\":0}"));
        assertThat(running.storedEvents()).isEqualTo(events);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static final String CONDITION = "{\"field\":\"description\",\"operator\":\"contains\",\"value\":\"x\"}";

    /** A valid body with one member replaced or added. */
    private static String body(String member) throws Exception {
        ObjectNode body = (ObjectNode) Json.MAPPER.readTree("{\"name\":\"n\",\"priority\":1,\"conditions\":["
                + CONDITION + "],\"actions\":{\"tags\":[\"t\"]}}");
        body.setAll((ObjectNode) Json.MAPPER.readTree("{" + member + "}"));
        return body.toString();
    }

    private static String condition(String condition) {
        return "{\"name\":\"n\",\"priority\":1,\"conditions\":[" + condition + "],\"actions\":{\"tags\":[\"t\"]}}";
    }

    private static String toJson(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String createdId(User user, String body) throws Exception {
        HttpResponse<String> created = api.postJson("/rules", body, user.token());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ApiClient.json(created).get("id").asText();
    }

    private static UUID category(User user) throws Exception {
        UUID id = UUID.randomUUID();
        try (java.sql.Connection c = running.db.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO categories (user_id, id, name) VALUES (?, ?, ?)")) {
            s.setObject(1, UUID.fromString(user.id()));
            s.setObject(2, id);
            s.setString(3, "Category " + id);
            s.executeUpdate();
        }
        return id;
    }

    /** A projected expense row, as the sink would have written it. */
    private static UUID expense(User user, long version, String description, UUID categoryId, String categorizedBy,
                                boolean deleted, List<String> tags) throws Exception {
        UUID id = UUID.randomUUID();
        try (java.sql.Connection c = running.db.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO expenses (user_id, id, version, amount, currency, description, merchant, occurred_at,"
                        + " category_id, categorized_by, tags, deleted, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, 'EUR', ?, 'Cafe', ?, ?, ?, ?, ?, now(), now())")) {
            s.setObject(1, UUID.fromString(user.id()));
            s.setObject(2, id);
            s.setLong(3, version);
            s.setBigDecimal(4, new BigDecimal("3.20"));
            s.setString(5, description);
            s.setObject(6, OffsetDateTime.of(2026, 3, 15, 12, 0, 0, 0, ZoneOffset.UTC));
            s.setObject(7, categoryId);
            s.setString(8, categorizedBy);
            s.setArray(9, c.createArrayOf("text", tags.toArray()));
            s.setBoolean(10, deleted);
            s.executeUpdate();
        }
        return id;
    }

    private static RuleDefinition storedDefinition(User user, String ruleId) throws Exception {
        try (java.sql.Connection c = running.db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT definition::text FROM category_rules WHERE user_id = ? AND id = ?")) {
            s.setObject(1, UUID.fromString(user.id()));
            s.setObject(2, UUID.fromString(ruleId));
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return Json.MAPPER.readValue(rs.getString(1), RuleDefinition.class);
            }
        }
    }

    private static long lastSequence() throws Exception {
        return running.nats.jetStreamManagement().getStreamInfo(running.naming.streamName()).getStreamState()
                .getLastSequence();
    }

    /** The events of a type and user stored after a sequence; they are durable before the 2xx, so no waiting. */
    private static List<Event> eventsSince(long sequence, EventType type, String userId) throws Exception {
        JetStreamManagement jsm = running.nats.jetStreamManagement();
        long last = lastSequence();
        List<Event> events = new ArrayList<>();
        for (long seq = sequence + 1; seq <= last; seq++) {
            var message = jsm.getMessage(running.naming.streamName(), seq);
            if (message.getSubject().equals(running.naming.eventSubject(type))
                    && userId.equals(message.getHeaders().getFirst("Ganaka-User-Id"))) {
                events.add(EventCodec.decode(message.getData()));
            }
        }
        return events;
    }

    private static Event only(List<Event> events) {
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static HttpResponse<String> put(String path, String json, String token) throws Exception {
        return api.putJson(path, json, token);
    }

    private static HttpResponse<String> delete(String path, String token) throws Exception {
        return api.delete(path, token);
    }

}
