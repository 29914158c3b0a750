package io.ganaka.api;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ganaka.api.RunningApi.User;
import io.ganaka.api.http.RouteSpec;
import io.ganaka.auth.AccessTokens;
import io.nats.client.JetStreamManagement;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Access control on every authenticated route, driven by the server's own route table: each route is tried with no
 * token, an expired, a tampered and an unsigned token, and with another user's token against the owner's resources.
 * A route added to {@code Routes} without a case below fails {@link #everyAuthenticatedRouteHasACase()}; adding one
 * is a line such as {@code "PUT /users/{id}", new RouteCase(o -> put("/users/" + o.user().id(), "{...}"), 404)}.
 */
class AccessControlIT {

    /**
     * How to call each authenticated route against the owner's resources, and what a stranger (another signed-in
     * user) must get: 404 for every route that names one of the owner's ids, so that nothing tells "not yours" from
     * "does not exist"; a route naming no id serves the stranger their own (2xx) data.
     */
    private static final Map<String, RouteCase> CASES = Map.ofEntries(
            entry("GET /auth/me", new RouteCase(o -> get("/auth/me"), 200)),
            entry("POST /expenses", new RouteCase(o -> post("/expenses", expense(null)), 202)),
            // The owner's category in the body: refused exactly like a category that does not exist (ExpenseService).
            entry("POST /expenses with the owner's categoryId",
                    new RouteCase(o -> post("/expenses", expense(o.categoryId())), 422)),
            entry("GET /expenses/{id}", new RouteCase(o -> get("/expenses/" + o.expenseId()), 404)),
            // Lists serve the caller's own (here empty) data, even when filtered by the owner's category.
            entry("GET /expenses", new RouteCase(o -> get("/expenses"), 200)),
            entry("GET /expenses by the owner's categoryId",
                    new RouteCase(o -> get("/expenses?categoryId=" + o.categoryId()), 200)),
            entry("PUT /expenses/{id}", new RouteCase(o -> put("/expenses/" + o.expenseId(), expense(null))
                    .header("If-Match", "\"1\""), 404)),
            entry("DELETE /expenses/{id}", new RouteCase(o -> delete("/expenses/" + o.expenseId()), 404)),
            entry("GET /expenses/export", new RouteCase(o -> get("/expenses/export?format=csv"), 200)),
            // An empty file (a header only): a valid import that publishes nothing, so other cases see no events.
            entry("POST /imports", new RouteCase(o -> postCsv("/imports", "date,amount,currency,description\n"),
                    202)),
            entry("GET /imports", new RouteCase(o -> get("/imports"), 200)),
            entry("GET /imports/{id}", new RouteCase(o -> get("/imports/" + o.importId()), 404)),
            entry("GET /imports/{id}/rows", new RouteCase(o -> get("/imports/" + o.importId() + "/rows"), 404)),
            entry("GET /reports/monthly/{year}/{month}", new RouteCase(o -> get("/reports/monthly/2026/3"), 200)),
            // Reports name no id: the stranger gets their own (empty) totals, never the owner's seeded ones.
            entry("GET /reports/categories/{year}/{month}",
                    new RouteCase(o -> get("/reports/categories/2026/3"), 200)),
            entry("GET /reports/summary", new RouteCase(o -> get("/reports/summary"), 200)),
            // Session routes act on the caller's own sessions; the owner's refresh token in a stranger's logout
            // must end nothing of the owner's (checked below: the owner's token still works afterwards).
            entry("POST /auth/logout", new RouteCase(
                    o -> post("/auth/logout", "{\"refreshToken\":\"" + o.user().refreshToken() + "\"}"), 204)),
            entry("POST /auth/logout-all", new RouteCase(o -> post("/auth/logout-all", "{}"), 204)),
            entry("POST /auth/password", new RouteCase(o -> post("/auth/password", "{\"currentPassword\":\""
                    + RunningApi.PASSWORD + "\",\"newPassword\":\"an entirely new passphrase 42\"}"), 200)),
            entry("GET /users/{id}", new RouteCase(o -> get("/users/" + o.user().id()), 404)),
            entry("PUT /users/{id}", new RouteCase(o -> put("/users/" + o.user().id(),
                    "{\"displayName\":\"Mallory\",\"timezone\":\"UTC\",\"preferences\":{}}"), 404)),
            entry("DELETE /users/{id}", new RouteCase(o -> delete("/users/" + o.user().id()), 404)),
            entry("GET /categories", new RouteCase(o -> get("/categories"), 200)),
            entry("POST /categories", new RouteCase(o -> post("/categories", "{\"name\":\"Books\"}"), 201)),
            entry("GET /categories/{id}", new RouteCase(o -> get("/categories/" + o.categoryId()), 404)),
            entry("PUT /categories/{id}", new RouteCase(o -> put("/categories/" + o.categoryId(),
                    "{\"name\":\"Books\"}"), 404)),
            entry("DELETE /categories/{id}", new RouteCase(o -> delete("/categories/" + o.categoryId()), 404)),
            entry("GET /budgets/default", new RouteCase(o -> get("/budgets/default"), 200)),
            entry("PUT /budgets/default", new RouteCase(o -> put("/budgets/default", budget(null)), 200)),
            entry("GET /budgets/{year}/{month}", new RouteCase(o -> get("/budgets/2026/3"), 200)),
            // The owner's category in a budget: refused exactly like a category that does not exist.
            entry("PUT /budgets/{year}/{month}", new RouteCase(o -> put("/budgets/2026/3", budget(o.categoryId())),
                    422)),
            entry("GET /rules", new RouteCase(o -> get("/rules"), 200)),
            entry("GET /rules/{id}", new RouteCase(o -> get("/rules/" + o.ruleId()), 404)),
            entry("POST /rules", new RouteCase(o -> post("/rules", rule(null)), 201)),
            // The owner's category in a rule: refused exactly like a category that does not exist (RuleService).
            entry("POST /rules with the owner's categoryId", new RouteCase(o -> post("/rules", rule(o.categoryId())),
                    422)),
            entry("PUT /rules/{id}", new RouteCase(o -> put("/rules/" + o.ruleId(), rule(o.categoryId())), 404)),
            entry("DELETE /rules/{id}", new RouteCase(o -> delete("/rules/" + o.ruleId()), 404)),
            entry("POST /rules/apply", new RouteCase(o -> post("/rules/apply", "{}"), 202)),
            entry("GET /webhooks", new RouteCase(o -> get("/webhooks"), 200)),
            entry("POST /webhooks", new RouteCase(o -> post("/webhooks", webhook()), 201)),
            entry("GET /webhooks/{id}", new RouteCase(o -> get("/webhooks/" + webhookId(o)), 404)),
            entry("PUT /webhooks/{id}", new RouteCase(o -> put("/webhooks/" + webhookId(o), webhook()), 404)),
            entry("DELETE /webhooks/{id}", new RouteCase(o -> delete("/webhooks/" + webhookId(o)), 404)),
            entry("POST /webhooks/{id}/rotate-secret",
                    new RouteCase(o -> post("/webhooks/" + webhookId(o) + "/rotate-secret", "{}"), 404)),
            // The owner's target is a private address, which this API refuses to reach: a 200 "failed" result at once.
            entry("POST /webhooks/{id}/test", new RouteCase(o -> post("/webhooks/" + webhookId(o) + "/test", "{}"),
                    404)),
            // The history names no id: the stranger gets their own (empty) list.
            entry("GET /notifications", new RouteCase(o -> get("/notifications"), 200)),
            // The stranger's own dashboard, alerts and ticket; another user's alert is not found.
            entry("GET /dashboard", new RouteCase(o -> get("/dashboard"), 200)),
            entry("GET /alerts", new RouteCase(o -> get("/alerts"), 200)),
            entry("POST /alerts/{id}/dismiss", new RouteCase(o -> post("/alerts/" + o.expenseId() + "/dismiss", "{}"),
                    404)),
            entry("POST /ws/ticket", new RouteCase(o -> post("/ws/ticket", "{}"), 200)));

    private static RunningApi api;
    private static ListAppender<ILoggingEvent> logs;

    /** A request for a route against the owner's resources; the stranger's expected status (404 when ids are named). */
    private record RouteCase(Function<Owner, HttpRequest.Builder> request, int strangerStatus) {}

    /** The victim: a user with a category, a projected expense, report totals, a rule and an import of their own. */
    private record Owner(User user, UUID categoryId, UUID expenseId, UUID ruleId, UUID importId) {}

    @BeforeAll
    static void start() throws Exception {
        api = new RunningApi(List.of());
        logs = new ListAppender<>();
        logs.start();
        rootLogger().addAppender(logs);
    }

    @AfterAll
    static void stop() throws Exception {
        rootLogger().detachAppender(logs);
        if (api != null) {
            api.close();
        }
    }

    @Test
    void everyAuthenticatedRouteHasACase() {
        Set<String> authenticated = api.server.routeTable().stream().filter(RouteSpec::authenticated)
                .map(RouteSpec::toString).collect(Collectors.toSet());

        assertThat(routesCovered()).as("add a case to CASES for every authenticated route")
                .containsExactlyInAnyOrderElementsOf(authenticated);
    }

    @Test
    void everyCaseIsAValidRequestForTheOwner() throws Exception {
        for (Map.Entry<String, RouteCase> c : CASES.entrySet()) {
            Owner owner = newOwner();

            HttpResponse<String> response = api.client.send(withToken(c.getValue().request().apply(owner),
                    owner.user().token()));

            // Without this the 401s and 404s below could come from a wrong path or body instead of the access check.
            assertThat(response.statusCode()).as(c.getKey() + ": " + response.body()).isBetween(200, 299);
        }
    }

    @Test
    void withoutAValidTokenEveryRouteAnswers401AndChangesNothing() throws Exception {
        for (Map.Entry<String, RouteCase> c : CASES.entrySet()) {
            Owner owner = newOwner();
            Map<String, String> badTokens = new LinkedHashMap<>();
            badTokens.put("no token", null);
            badTokens.put("expired token", expiredToken(owner.user().id()));
            badTokens.put("tampered token", tampered(owner.user().token()));
            badTokens.put("unsigned token", unsigned(owner.user().token()));
            badTokens.put("malformed token", "not.a.jwt");

            for (Map.Entry<String, String> bad : badTokens.entrySet()) {
                String what = c.getKey() + " with " + bad.getKey();
                Map<String, String> databaseBefore = api.databaseSnapshot();
                long eventsBefore = api.storedEvents();

                HttpResponse<String> response = api.client.send(withToken(c.getValue().request().apply(owner),
                        bad.getValue()));

                assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(401);
                Problems.assertTracedProblem(response, 401, "unauthenticated");
                assertThat(response.headers().firstValue("WWW-Authenticate")).as(what).contains("Bearer");
                assertNothingOfTheOwnerIn(response, owner, what);
                assertThat(api.databaseSnapshot()).as(what).isEqualTo(databaseBefore);
                assertThat(api.storedEvents()).as(what).isEqualTo(eventsBefore);
            }
        }
    }

    @Test
    void anotherUsersTokenNeverReachesTheOwnersResources() throws Exception {
        for (Map.Entry<String, RouteCase> c : CASES.entrySet()) {
            Owner owner = newOwner();
            User stranger = api.signedInUser();
            Map<String, String> databaseBefore = api.databaseSnapshot();
            long eventsBefore = api.storedEvents();

            HttpResponse<String> response = api.client.send(withToken(c.getValue().request().apply(owner),
                    stranger.token()));

            String what = c.getKey() + " by another user";
            assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(c.getValue().strangerStatus());
            assertNothingOfTheOwnerIn(response, owner, what);
            if (response.statusCode() >= 400) {
                // Refused: nothing at all may have changed or been published.
                assertThat(api.databaseSnapshot()).as(what).isEqualTo(databaseBefore);
                assertThat(api.storedEvents()).as(what).isEqualTo(eventsBefore);
                // No existence oracle: the owner's ids are answered exactly like ids that exist nowhere.
                HttpResponse<String> phantom = api.client.send(withToken(c.getValue().request().apply(phantomOf(owner)),
                        stranger.token()));
                assertThat(phantom.statusCode()).as(what + " vs ids of nobody").isEqualTo(response.statusCode());
                assertThat(comparable(phantom)).as(what + " vs ids of nobody").isEqualTo(comparable(response));
            } else {
                // Served as the stranger's own request: the owner's rows and event stream are untouched.
                assertThat(ownerRows(api.databaseSnapshot(), owner)).as(what)
                        .isEqualTo(ownerRows(databaseBefore, owner));
                assertThat(eventUsersSince(eventsBefore)).as(what).doesNotContain(owner.user().id());
            }
            // Whatever the stranger did, the owner is still signed in.
            assertThat(api.client.send(withToken(get("/auth/me"), owner.user().token())).statusCode())
                    .as(what + ": the owner's session survives").isEqualTo(200);
        }
    }

    @Test
    void refusedAccessesAreSecurityEventsWithoutTokensOrPasswords() throws Exception {
        Owner owner = newOwner();
        User stranger = api.signedInUser();
        String tampered = tampered(owner.user().token());

        api.client.send(withToken(get("/expenses/" + owner.expenseId()), tampered));
        api.client.send(withToken(get("/expenses/" + owner.expenseId()), stranger.token()));

        List<ILoggingEvent> security = logs.list.stream().filter(e -> e.getLoggerName().equals("security")).toList();
        // Exactly one line per refusal, with the reason only the access check knows.
        assertThat(security).filteredOn(e -> e.getFormattedMessage().contains("status=401")
                        && e.getFormattedMessage().contains("/expenses/" + owner.expenseId()))
                .singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
                        .contains("event=access.refused status=401").contains("reason=invalid-token"));
        assertThat(security).anySatisfy(e -> assertThat(e.getFormattedMessage())
                .contains("event=access.refused status=404").contains(stranger.id())
                .contains("/expenses/" + owner.expenseId()));
        assertThat(logs.list).allSatisfy(e -> assertThat(e.getFormattedMessage())
                .doesNotContain(owner.user().token()).doesNotContain(stranger.token()).doesNotContain(tampered)
                .doesNotContain(RunningApi.PASSWORD));
    }

    // ---- the owner's world ----------------------------------------------------------------------------------------

    private static Owner newOwner() throws Exception {
        User user = api.signedInUser();
        UUID categoryId = UUID.randomUUID();
        UUID expenseId = UUID.randomUUID();
        UUID ruleId = UUID.randomUUID();
        try (java.sql.Connection c = api.db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO categories (user_id, id, name) VALUES (?, ?, 'Secret hobby')")) {
                s.setObject(1, UUID.fromString(user.id()));
                s.setObject(2, categoryId);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO expenses (user_id, id, version, amount,"
                    + " currency, description, occurred_at, tags, category_id, created_at, updated_at)"
                    + " VALUES (?, ?, 1, ?, 'EUR', 'Owner secret purchase', ?, '{}', ?, now(), now())")) {
                s.setObject(1, UUID.fromString(user.id()));
                s.setObject(2, expenseId);
                s.setBigDecimal(3, new BigDecimal("4321.09"));
                s.setObject(4, OffsetDateTime.of(2026, 3, 15, 12, 0, 0, 0, ZoneOffset.UTC));
                s.setObject(5, categoryId);
                s.executeUpdate();
            }
            // An alert of the owner under the expense's id (alert ids are UUIDs of their own; one is enough here).
            try (PreparedStatement s = c.prepareStatement("INSERT INTO alerts (user_id, alert_id, kind, data,"
                    + " raised_at) VALUES (?, ?, 'high-value', ?::jsonb, now())")) {
                s.setObject(1, UUID.fromString(user.id()));
                s.setObject(2, expenseId);
                s.setString(3, "{\"alertId\":\"" + expenseId + "\",\"kind\":\"high-value\","
                        + "\"message\":\"Owner secret purchase is large\"}");
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO monthly_summaries (user_id, year, month,"
                    + " currency, total, count) VALUES (?, 2026, 3, 'EUR', 4321.09, 1)")) {
                s.setObject(1, UUID.fromString(user.id()));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO category_summaries (user_id, year, month,"
                    + " category_id, currency, total, count) VALUES (?, 2026, 3, ?, 'EUR', 4321.09, 1)")) {
                s.setObject(1, UUID.fromString(user.id()));
                s.setObject(2, categoryId);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO user_summaries (user_id, currency, total, count,"
                    + " min_amount, max_amount) VALUES (?, 'EUR', 4321.09, 1, 4321.09, 4321.09)")) {
                s.setObject(1, UUID.fromString(user.id()));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO category_rules (user_id, id, name, priority,"
                    + " definition) VALUES (?, ?, 'Secret rule', 1, ?::jsonb)")) {
                s.setObject(1, UUID.fromString(user.id()));
                s.setObject(2, ruleId);
                s.setString(3, "{\"name\":\"Secret rule\",\"priority\":1,\"match\":\"all\",\"conditions\":"
                        + "[{\"field\":\"description\",\"operator\":\"contains\",\"value\":\"Owner secret\"}],"
                        + "\"actions\":{\"categoryId\":\"" + categoryId + "\",\"tags\":[]},\"stopProcessing\":false}");
                s.executeUpdate();
            }
        }
        UUID importId = UUID.randomUUID();
        try (java.sql.Connection c = api.db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO imports (user_id, id, status, format,"
                    + " file_name, total_rows, processed_rows, imported, worker_id, finished_at)"
                    + " VALUES (?, ?, 'completed', 'csv', 'owner-secrets.csv', 1, 1, 1, ?, now())")) {
                s.setObject(1, UUID.fromString(user.id()));
                s.setObject(2, importId);
                s.setObject(3, UUID.randomUUID());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO import_rows (user_id, import_id, row_number,"
                    + " outcome, expense_id) VALUES (?, ?, 1, 'imported', ?)")) {
                s.setObject(1, UUID.fromString(user.id()));
                s.setObject(2, importId);
                s.setObject(3, expenseId);
                s.executeUpdate();
            }
        }
        try (java.sql.Connection c = api.db.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO webhooks (user_id, id, url, secret, event_types, description) VALUES (?, ?,"
                        + " 'http://10.0.0.1/owner-secret-hook', 'whsec_owner_secret_0123456789abcdef0123456789',"
                        + " '{expense.added}', 'Owner secret webhook')")) {
            s.setObject(1, UUID.fromString(user.id()));
            s.setObject(2, webhookId(user.id()));
            s.executeUpdate();
        }
        return new Owner(user, categoryId, expenseId, ruleId, importId);
    }

    /** The owner's webhook: its id follows from the user's, so a phantom owner's names no webhook at all. */
    private static UUID webhookId(Owner owner) {
        return webhookId(owner.user().id());
    }

    private static UUID webhookId(String userId) {
        return UUID.nameUUIDFromBytes(("webhook:" + userId).getBytes(StandardCharsets.UTF_8));
    }

    /** The same owner shape with ids that belong to nobody. */
    private static Owner phantomOf(Owner owner) {
        User user = owner.user();
        return new Owner(new User(UUID.randomUUID().toString(), user.email(), user.token(), user.refreshToken()),
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    }

    /** A problem body without what legitimately differs per request: its request id and the path it names. */
    private static JsonNode comparable(HttpResponse<String> response) throws Exception {
        ObjectNode problem = (ObjectNode) ApiClient.json(response);
        problem.remove("requestId");
        problem.remove("instance");
        return problem;
    }

    private static void assertNothingOfTheOwnerIn(HttpResponse<String> response, Owner owner, String what)
            throws Exception {
        // A problem's "instance" echoes the path the caller sent, ids included: that tells the caller nothing new.
        String body = response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                ? comparable(response).toString() : response.body();
        assertThat(body).as(what)
                .doesNotContain(owner.user().id())
                .doesNotContain(owner.user().email())
                .doesNotContain(owner.categoryId().toString())
                .doesNotContain("4321.09")
                .doesNotContain("Owner secret")
                .doesNotContain("Secret hobby");
    }

    private static List<String> ownerRows(Map<String, String> snapshot, Owner owner) {
        List<String> rows = new ArrayList<>();
        snapshot.forEach((table, text) -> text.lines().filter(row -> row.contains(owner.user().id()))
                .forEach(row -> rows.add(table + ": " + row)));
        return rows;
    }

    /** The user ids of the events stored after the given message count. */
    private static List<String> eventUsersSince(long count) throws Exception {
        JetStreamManagement jsm = api.nats.jetStreamManagement();
        long last = jsm.getStreamInfo(api.naming.streamName()).getStreamState().getLastSequence();
        List<String> users = new ArrayList<>();
        // The stream is never purged during a test run, so message count and sequence number agree.
        for (long seq = count + 1; seq <= last; seq++) {
            users.add(jsm.getMessage(api.naming.streamName(), seq).getHeaders().getFirst("Ganaka-User-Id"));
        }
        return users;
    }

    // ---- requests and tokens --------------------------------------------------------------------------------------

    private static HttpRequest.Builder get(String path) {
        return api.client.request(path, null).GET();
    }

    private static HttpRequest.Builder post(String path, String json) {
        return withBody("POST", path, json);
    }

    private static HttpRequest.Builder postCsv(String path, String csv) {
        return api.client.request(path, null).header("Content-Type", "text/csv").POST(BodyPublishers.ofString(csv));
    }

    private static HttpRequest.Builder put(String path, String json) {
        return withBody("PUT", path, json);
    }

    private static HttpRequest.Builder delete(String path) {
        return api.client.request(path, null).DELETE();
    }

    private static HttpRequest.Builder withBody(String method, String path, String json) {
        return api.client.request(path, null).header("Content-Type", "application/json")
                .method(method, BodyPublishers.ofString(json));
    }

    private static String expense(UUID categoryId) {
        return "{\"amount\":\"3.20\",\"currency\":\"EUR\",\"description\":\"Coffee\",\"occurredAt\":"
                + "\"2026-03-15T12:00:00Z\"" + (categoryId == null ? "" : ",\"categoryId\":\"" + categoryId + "\"")
                + "}";
    }

    private static String webhook() {
        return "{\"url\":\"https://hooks.example.org/ganaka\",\"eventTypes\":[\"expense.added\"]}";
    }

    private static String budget(UUID categoryId) {
        return "{\"items\":[{\"categoryId\":" + (categoryId == null ? "null" : "\"" + categoryId + "\"")
                + ",\"currency\":\"EUR\",\"amount\":\"300.00\"}]}";
    }

    private static String rule(UUID categoryId) {
        return "{\"name\":\"Coffee\",\"priority\":1,\"conditions\":[{\"field\":\"description\",\"operator\":"
                + "\"contains\",\"value\":\"coffee\"}],\"actions\":{\"tags\":[\"coffee\"]"
                + (categoryId == null ? "" : ",\"categoryId\":\"" + categoryId + "\"") + "}}";
    }

    private static HttpRequest withToken(HttpRequest.Builder builder, String token) {
        HttpRequest.Builder copy = builder.copy();
        if (token != null) {
            copy.header("Authorization", "Bearer " + token);
        }
        return copy.build();
    }

    /** A correctly signed token of the owner that expired an hour ago. */
    private static String expiredToken(String userId) {
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        return new AccessTokens(api.secret, Duration.ofMinutes(15), past).issue(userId, "user").token();
    }

    /** The owner's valid token with one character of its signature changed. */
    private static String tampered(String token) {
        int at = token.lastIndexOf('.') + 5;
        char flipped = token.charAt(at) == 'A' ? 'B' : 'A';
        return token.substring(0, at) + flipped + token.substring(at + 1);
    }

    /** The owner's claims re-issued with {@code alg: none} and no signature. */
    private static String unsigned(String token) {
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + token.substring(token.indexOf('.'), token.lastIndexOf('.') + 1);
    }

    private static Set<String> routesCovered() {
        // A case key is "METHOD /path", optionally followed by a description of a further variant of that route.
        return CASES.keySet().stream().map(key -> {
            String[] parts = key.split(" ", 3);
            return parts[0] + " " + parts[1];
        }).collect(Collectors.toSet());
    }

    private static Logger rootLogger() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
