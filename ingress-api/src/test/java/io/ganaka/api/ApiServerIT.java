package io.ganaka.api;

import static io.ganaka.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.api.events.JetStreamPublisher;
import io.ganaka.auth.AbuseLimits;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventCodec;
import io.ganaka.schemas.EventPayload.ExpenseAdded;
import io.ganaka.schemas.EventType;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PushSubscribeOptions;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The API over real HTTP against real Postgres, Redis and NATS JetStream, all named from one test prefix. */
class ApiServerIT {

    private static final String PASSWORD = RunningApi.PASSWORD;
    private static final String TEA = "{\"amount\":\"1.00\",\"currency\":\"EUR\",\"description\":\"Tea\","
            + "\"occurredAt\":\"2026-03-15T12:00:00Z\"}";

    @AutoClose
    private static RunningApi running;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        running = new RunningApi(ApiOptions.sharedEnvironment().hasher(4, Duration.ofSeconds(10)));
        api = running.client;
    }

    // ---- the path ------------------------------------------------------------------------------------------------

    @Test
    void postedExpenseIsStoredInJetStreamWithItsIdHeadersAndBody() throws Exception {
        String token = signedInUser();
        String userId = ApiClient.json(api.get("/auth/me", token)).get("id").asText();

        HttpResponse<String> response = api.send(api.request("/expenses", token)
                .header("Content-Type", "application/json")
                .header("X-Request-Id", "req-" + running.env.prefix())
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"amount":"12.34","currency":"EUR","description":"Espresso","merchant":"Nero",
                         "occurredAt":"2026-03-15T12:00:00Z","tags":["coffee"],"notes":"double"}"""))
                .build());

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = ApiClient.json(response);
        String expenseId = body.get("id").asText();
        String eventId = body.get("eventId").asText();
        assertThat(body.get("status").asText()).isEqualTo("accepted");
        assertThat(response.headers().firstValue("Location")).contains("/expenses/" + expenseId);
        assertThat(response.headers().firstValue("X-Request-Id")).contains("req-" + running.env.prefix());

        Message message = storedMessage(running.naming.eventSubject(EventType.EXPENSE_ADDED), eventId);
        assertThat(message.getHeaders().getFirst("Ganaka-User-Id")).isEqualTo(userId);
        assertThat(message.getHeaders().getFirst("Ganaka-Event-Type")).isEqualTo("expense.added");
        assertThat(message.getHeaders().getFirst("Ganaka-Correlation-Id")).isEqualTo("req-" + running.env.prefix());
        Event event = EventCodec.decode(message.getData());
        assertThat(event.id()).isEqualTo(eventId);
        assertThat(event.userId()).isEqualTo(userId);
        assertThat(event.correlationId()).isEqualTo("req-" + running.env.prefix());
        ExpenseAdded added = (ExpenseAdded) event.data();
        assertThat(added.expenseId()).isEqualTo(expenseId);
        assertThat(added.expenseVersion()).isEqualTo(1);
        assertThat(added.amount()).isEqualTo(new BigDecimal("12.34"));
        assertThat(added.currency()).isEqualTo("EUR");
        assertThat(added.description()).isEqualTo("Espresso");
        assertThat(added.merchant()).isEqualTo("Nero");
        assertThat(added.occurredAt()).isEqualTo(Instant.parse("2026-03-15T12:00:00Z"));
        assertThat(added.tags()).containsExactly("coffee");
        assertThat(added.notes()).isEqualTo("double");
        assertThat(new String(message.getData())).contains("\"amount\":\"12.34\"");
    }

    @Test
    void registrationIsPublishedAsUserRegistered() throws Exception {
        String email = nextEmail();
        api.postJson("/auth/register", registration(email), null);
        String token = login(email, PASSWORD);
        String userId = ApiClient.json(api.get("/auth/me", token)).get("id").asText();

        Message message = storedMessage(running.naming.eventSubject(EventType.USER_REGISTERED), null, userId);

        assertThat(EventCodec.decode(message.getData()).userId()).isEqualTo(userId);
        assertThat(new String(message.getData())).contains(email);
    }

    @Test
    void projectedExpenseIsReadBackWithItsVersionAsETag() throws Exception {
        String token = signedInUser();
        UUID userId = UUID.fromString(ApiClient.json(api.get("/auth/me", token)).get("id").asText());
        UUID expenseId = UUID.randomUUID();
        insertProjectedExpense(userId, expenseId, "42.50", "EUR");

        HttpResponse<String> response = api.get("/expenses/" + expenseId, token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag")).contains("\"3\"");
        JsonNode body = ApiClient.json(response);
        assertThat(body.get("id").asText()).isEqualTo(expenseId.toString());
        assertThat(body.get("version").asLong()).isEqualTo(3);
        assertThat(body.get("amount").asText()).isEqualTo("42.50");
        assertThat(body.get("currency").asText()).isEqualTo("EUR");
        assertThat(body.get("description").asText()).isEqualTo("Groceries");
        assertThat(body.get("occurredAt").asText()).isEqualTo("2026-03-15T12:00:00Z");
        assertThat(body.get("categorizedBy").asText()).isEqualTo("none");
        assertThat(body.get("tags")).hasSize(2);
        assertThat(body.get("categoryId").isNull()).isTrue();
    }

    @Test
    void anotherUsersExpenseAndAMalformedIdAreBothNotFound() throws Exception {
        String owner = signedInUser();
        String stranger = signedInUser();
        UUID ownerId = UUID.fromString(ApiClient.json(api.get("/auth/me", owner)).get("id").asText());
        UUID expenseId = UUID.randomUUID();
        insertProjectedExpense(ownerId, expenseId, "9.99", "USD");

        HttpResponse<String> foreign = api.get("/expenses/" + expenseId, stranger);
        HttpResponse<String> malformed = api.get("/expenses/not-a-uuid", stranger);

        assertThat(api.get("/expenses/" + expenseId, owner).statusCode()).isEqualTo(200);
        assertProblem(foreign, 404, "not-found");
        assertProblem(malformed, 404, "not-found");
        assertThat(foreign.body()).doesNotContain("9.99").doesNotContain(ownerId.toString());
    }

    @Test
    void monthlyReportListsTheProjectedTotalsPerCurrency() throws Exception {
        String token = signedInUser();
        UUID userId = UUID.fromString(ApiClient.json(api.get("/auth/me", token)).get("id").asText());
        try (java.sql.Connection c = running.db.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO monthly_summaries (user_id, year, month, currency,"
                     + " total, count) VALUES (?, 2026, 3, ?, ?, ?)")) {
            s.setObject(1, userId);
            s.setString(2, "EUR");
            s.setBigDecimal(3, new BigDecimal("54.84"));
            s.setLong(4, 2);
            s.executeUpdate();
            s.setString(2, "JPY");
            s.setBigDecimal(3, new BigDecimal("1500"));
            s.setLong(4, 1);
            s.executeUpdate();
        }

        JsonNode march = ApiClient.json(api.get("/reports/monthly/2026/3", token));
        JsonNode april = ApiClient.json(api.get("/reports/monthly/2026/4", token));

        assertThat(march.get("year").asInt()).isEqualTo(2026);
        assertThat(march.get("month").asInt()).isEqualTo(3);
        assertThat(march.get("totals")).hasSize(2);
        assertThat(march.get("totals").get(0).get("currency").asText()).isEqualTo("EUR");
        assertThat(march.get("totals").get(0).get("total").asText()).isEqualTo("54.84");
        assertThat(march.get("totals").get(0).get("count").asLong()).isEqualTo(2);
        assertThat(march.get("totals").get(1).get("total").asText()).isEqualTo("1500");
        assertThat(april.get("totals")).isEmpty();
        assertProblem(api.get("/reports/monthly/2026/13", token), 400, "validation");
        assertProblem(api.get("/reports/monthly/1969/1", token), 400, "validation");
        assertProblem(api.get("/reports/monthly/abcd/1", token), 400, "validation");
    }

    // ---- accounts ------------------------------------------------------------------------------------------------

    @Test
    void registeringAnExistingAddressAnswersExactlyLikeANewOne() throws Exception {
        String email = nextEmail();

        HttpResponse<String> first = api.postJson("/auth/register", registration(email), null);
        HttpResponse<String> second = api.postJson("/auth/register", registration(email), null);
        HttpResponse<String> otherCase = api.postJson("/auth/register", registration(email.toUpperCase()), null);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(second.body()).isEqualTo(first.body());
        // The same address in other letter case is the same account; the answer only echoes what was sent.
        assertThat(otherCase.body()).isEqualTo(first.body().replace(email, email.toUpperCase()));
        assertThat(ApiClient.json(first).get("status").asText()).isEqualTo("accepted");
    }

    @Test
    void aRepeatedRegistrationDoesNotReplaceThePassword() throws Exception {
        String email = nextEmail();
        api.postJson("/auth/register", registration(email), null);
        api.postJson("/auth/register", "{\"email\":\"" + email + "\",\"password\":\"another password 123\"}", null);

        assertThat(api.postJson("/auth/login", credentials(email, PASSWORD), null).statusCode()).isEqualTo(200);
        assertThat(api.postJson("/auth/login", credentials(email, "another password 123"), null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void loginReturnsBearerTokensThatOpenMe() throws Exception {
        String email = nextEmail();
        api.postJson("/auth/register", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"displayName\":\"Ada\",\"timezone\":\"Europe/Berlin\"}", null);

        HttpResponse<String> login = api.postJson("/auth/login", credentials(email.toUpperCase(), PASSWORD), null);

        assertThat(login.statusCode()).isEqualTo(200);
        JsonNode tokensBody = ApiClient.json(login);
        assertThat(tokensBody.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(tokensBody.get("expiresIn").asLong()).isEqualTo(900);
        assertThat(tokensBody.get("refreshToken").asText()).isNotBlank();
        JsonNode me = ApiClient.json(api.get("/auth/me", tokensBody.get("accessToken").asText()));
        assertThat(me.get("email").asText()).isEqualTo(email);
        assertThat(me.get("displayName").asText()).isEqualTo("Ada");
        assertThat(me.get("timezone").asText()).isEqualTo("Europe/Berlin");
        assertThat(me.get("role").asText()).isEqualTo("user");
        assertThat(me.get("createdAt").asText()).isNotBlank();
        assertThat(running.redis.keys(running.env.redisKeyPrefix() + "refresh:*")).isNotEmpty();
    }

    @Test
    void wrongPasswordAndUnknownEmailGetIdentical401Bodies() throws Exception {
        String email = nextEmail();
        api.postJson("/auth/register", registration(email), null);

        HttpResponse<String> wrongPassword = api.postJson("/auth/login", credentials(email, "not the password"), null);
        HttpResponse<String> unknownEmail = api.postJson("/auth/login", credentials("nobody-" + email, PASSWORD), null);

        assertProblem(wrongPassword, 401, "invalid-credentials");
        assertThat(unknownEmail.statusCode()).isEqualTo(401);
        // Identical but for the request id, which every problem carries and which differs per request by design.
        assertThat(withoutRequestId(unknownEmail)).isEqualTo(withoutRequestId(wrongPassword));
    }

    @Test
    void registrationValidationListsTheBadFields() throws Exception {
        HttpResponse<String> response = api.postJson("/auth/register",
                "{\"email\":\"nope\",\"password\":\"short\",\"timezone\":\"Mars/Base\"}", null);

        assertProblem(response, 400, "validation");
        assertThat(fields(response)).containsExactlyInAnyOrder("email", "password", "timezone");
    }

    // ---- access and errors ---------------------------------------------------------------------------------------

    @Test
    void protectedRoutesWithoutAValidTokenAnswer401ProblemJson() throws Exception {
        HttpResponse<String> none = api.get("/expenses/" + UUID.randomUUID(), null);
        HttpResponse<String> garbage = api.get("/auth/me", "garbage.token.here");
        HttpResponse<String> post = api.postJson("/expenses", "{}", null);

        assertProblem(none, 401, "unauthenticated");
        assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertProblem(garbage, 401, "unauthenticated");
        assertProblem(post, 401, "unauthenticated");
    }

    @Test
    void invalidExpenseFieldsAnswer400ListingEachField() throws Exception {
        String token = signedInUser();

        HttpResponse<String> response = api.postJson("/expenses",
                "{\"amount\":\"-1\",\"currency\":\"EURO\",\"occurredAt\":\"yesterday\",\"tags\":[\"\"]}", token);

        assertProblem(response, 400, "validation");
        assertThat(fields(response)).containsExactlyInAnyOrder("amount", "currency", "description", "occurredAt",
                "tags[0]");
    }

    @Test
    void aCategoryThatIsNotTheCallersAnswers422() throws Exception {
        String token = signedInUser();
        String otherToken = signedInUser();
        UUID otherUser = UUID.fromString(ApiClient.json(api.get("/auth/me", otherToken)).get("id").asText());
        UUID foreignCategory = UUID.randomUUID();
        try (java.sql.Connection c = running.db.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO categories (user_id, id, name) VALUES (?, ?, ?)")) {
            s.setObject(1, otherUser);
            s.setObject(2, foreignCategory);
            s.setString(3, "Coffee");
            s.executeUpdate();
        }
        String body = "{\"amount\":\"3.20\",\"currency\":\"EUR\",\"description\":\"Latte\","
                + "\"occurredAt\":\"2026-03-15T12:00:00Z\",\"categoryId\":\"" + foreignCategory + "\"}";

        HttpResponse<String> response = api.postJson("/expenses", body, token);

        assertProblem(response, 422, "unprocessable");
        assertThat(fields(response)).containsExactly("categoryId");
        assertThat(api.postJson("/expenses", body, otherToken).statusCode()).isEqualTo(202);
    }

    @Test
    void malformedJsonAnswers400() throws Exception {
        String token = signedInUser();

        assertProblem(api.postJson("/expenses", "{\"amount\": ", token), 400, "malformed-request");
        assertProblem(api.postJson("/expenses", "[1,2]", token), 400, "malformed-request");
        assertProblem(api.postJson("/auth/login", "{} trailing", null), 400, "malformed-request");
        assertProblem(api.postJson("/auth/login", "", null), 400, "malformed-request");
    }

    @Test
    void aBodyThatIsNotDeclaredJsonAnswers415() throws Exception {
        assertProblem(api.post("/auth/register", "email=a@b.c", "application/x-www-form-urlencoded", null), 415,
                "unsupported-media-type");
        assertProblem(api.post("/auth/login", "{}", null, null), 415, "unsupported-media-type");
    }

    @Test
    void aBodyOverTheLimitAnswers413() throws Exception {
        String huge = "{\"email\":\"" + "a".repeat(32 * 1024) + "\"}";

        assertProblem(api.postJson("/auth/login", huge, null), 413, "payload-too-large");
    }

    @Test
    void unknownRoutesAnswer404ProblemJson() throws Exception {
        assertProblem(api.get("/no/such/route", null), 404, "not-found");
    }

    @Test
    void generatesARequestIdWhenNoneOrAnInsaneOneIsGiven() throws Exception {
        HttpResponse<String> none = api.get("/health", null);
        HttpResponse<String> insane = api.send(api.request("/health", null)
                .header("X-Request-Id", "has spaces and \"quotes\"").GET().build());

        assertThat(none.headers().firstValue("X-Request-Id")).get().asString().isNotBlank();
        assertThat(insane.headers().firstValue("X-Request-Id")).get().asString().doesNotContain(" ");
    }

    @Test
    void theDashboardPageIsServedAtTheRootWithoutAToken() throws Exception {
        HttpResponse<String> page = api.get("/", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(page.body()).contains("<title>Ganaka</title>").contains("/assets/app.js")
                .doesNotContain("<style>").doesNotContain("<script>");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("script-src 'self';").doesNotContain("unsafe-inline");
    }

    @Test
    void theDashboardsScriptsStylesAndChartLibraryComeFromTheApiWithRevalidation() throws Exception {
        HttpResponse<String> pages = api.get("/assets/dashboard.js", null);
        HttpResponse<String> styles = api.get("/assets/app.css", null);
        HttpResponse<String> chart = api.get("/assets/chart.umd.js", null);

        assertThat(pages.statusCode()).isEqualTo(200);
        assertThat(pages.headers().firstValue("Content-Type")).get().asString().startsWith("text/javascript");
        assertThat(pages.body()).contains("/reports/monthly/");
        assertThat(styles.headers().firstValue("Content-Type")).get().asString().startsWith("text/css");
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.body()).contains("Chart.js v4");
        String etag = chart.headers().firstValue("ETag").orElseThrow();
        assertThat(chart.headers().firstValue("Cache-Control")).contains("no-cache");

        HttpResponse<String> again = api.send(api.request("/assets/chart.umd.js", null)
                .header("If-None-Match", etag).GET().build());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void onlyTheDashboardsOwnFilesAreServed() throws Exception {
        HttpResponse<String> unknown = api.get("/assets/secret.txt", null);
        HttpResponse<String> climbing = api.get("/assets/..%2FDashboardPage.class", null);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        assertThat(climbing.statusCode()).isEqualTo(404);
    }

    @Test
    void healthIsUpAndReadinessReportsEachDependency() throws Exception {
        HttpResponse<String> health = api.get("/health", null);
        HttpResponse<String> ready = api.get("/ready", null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(health).get("status").asText()).isEqualTo("up");
        assertThat(ready.statusCode()).isEqualTo(200);
        JsonNode checks = ApiClient.json(ready).get("checks");
        assertThat(checks.get("postgres").asText()).isEqualTo("up");
        assertThat(checks.get("redis").asText()).isEqualTo("up");
        assertThat(checks.get("nats").asText()).isEqualTo("up");
    }

    // ---- NATS down -----------------------------------------------------------------------------------------------

    @Test
    void whenNatsGoesAwayAWriteAnswers503WithRetryAfterAndReadinessFails() throws Exception {
        String token = signedInUser();
        URI natsUri = URI.create(running.env.natsUrl());
        TcpProxy proxy = new TcpProxy(natsUri.getHost(), natsUri.getPort());
        Options options = new Options.Builder().server("nats://127.0.0.1:" + proxy.port())
                .connectionTimeout(Duration.ofMillis(500)).build();
        Connection flaky = Nats.connect(options);
        try (proxy; ApiServer api2 = running.startServer(running.naming,
                new JetStreamPublisher(flaky, running.naming, 64, Duration.ofSeconds(2)), AbuseLimits.DEFAULTS)) {
            ApiClient client = new ApiClient(api2.port());
            assertThat(client.postJson("/expenses", TEA, token).statusCode()).isEqualTo(202);

            proxy.close();
            await().atMost(Duration.ofSeconds(30)).until(() -> flaky.getStatus() != Connection.Status.CONNECTED);
            HttpResponse<String> response = client.postJson("/expenses", TEA, token);
            HttpResponse<String> ready = client.get("/ready", null);

            assertProblem(response, 503, "service-unavailable");
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(ApiClient.json(ready).get("type").asText()).endsWith("/not-ready");
            assertThat(ApiClient.json(ready).get("detail").asText()).contains("nats");
            assertThat(ApiClient.json(ready).get("down").toString()).isEqualTo("[\"nats\"]");
            assertThat(ApiClient.json(ready).get("checks").get("nats").asText()).isEqualTo("down");
            assertThat(ApiClient.json(ready).get("checks").get("postgres").asText()).isEqualTo("up");
        } finally {
            flaky.close();
        }
    }

    @Test
    void whenNoStreamStoresTheEventAWriteAnswers503() throws Exception {
        String token = signedInUser();
        try (ApiServer api2 = running.startStreamlessServer("-nostream", AbuseLimits.DEFAULTS)) {
            HttpResponse<String> response = new ApiClient(api2.port()).postJson("/expenses", TEA, token);

            assertProblem(response, 503, "service-unavailable");
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static String nextEmail() {
        return running.nextEmail();
    }

    private static String registration(String email) {
        return RunningApi.credentials(email, PASSWORD);
    }

    private static String credentials(String email, String password) {
        return RunningApi.credentials(email, password);
    }

    private static String login(String email, String password) throws Exception {
        HttpResponse<String> response = api.postJson("/auth/login", credentials(email, password), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ApiClient.json(response).get("accessToken").asText();
    }

    /** Registers a fresh user and returns an access token for it. */
    private static String signedInUser() throws Exception {
        return running.signedInUser().token();
    }

    private static void insertProjectedExpense(UUID userId, UUID expenseId, String amount, String currency)
            throws Exception {
        try (java.sql.Connection c = running.db.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO expenses (user_id, id, version, amount, currency,"
                     + " description, occurred_at, tags, created_at, updated_at) VALUES (?, ?, 3, ?, ?, 'Groceries',"
                     + " ?, ?, now(), now())")) {
            s.setObject(1, userId);
            s.setObject(2, expenseId);
            s.setBigDecimal(3, new BigDecimal(amount));
            s.setString(4, currency);
            s.setObject(5, OffsetDateTime.of(2026, 3, 15, 12, 0, 0, 0, ZoneOffset.UTC));
            s.setArray(6, c.createArrayOf("text", new String[] {"food", "weekly"}));
            s.executeUpdate();
        }
    }

    /** Reads the stream's messages on a subject until the one with this Nats-Msg-Id (or user) shows up. */
    private static Message storedMessage(String subject, String msgId) throws Exception {
        return storedMessage(subject, msgId, null);
    }

    private static Message storedMessage(String subject, String msgId, String userId) throws Exception {
        JetStream js = running.nats.jetStream();
        JetStreamSubscription sub = js.subscribe(subject, PushSubscribeOptions.builder()
                .stream(running.naming.streamName()).ordered(true).build());
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                Message message = sub.nextMessage(Duration.ofMillis(500));
                if (message == null) {
                    continue;
                }
                boolean idMatches = msgId == null || msgId.equals(message.getHeaders().getFirst("Nats-Msg-Id"));
                boolean userMatches = userId == null || userId.equals(message.getHeaders().getFirst("Ganaka-User-Id"));
                if (idMatches && userMatches) {
                    return message;
                }
            }
            throw new AssertionError("no message on " + subject + " with id " + msgId + " / user " + userId);
        } finally {
            sub.unsubscribe();
        }
    }

    private static JsonNode withoutRequestId(HttpResponse<String> response) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode problem = (com.fasterxml.jackson.databind.node.ObjectNode)
                ApiClient.json(response);
        assertThat(problem.remove("requestId")).isNotNull();
        return problem;
    }

    private static List<String> fields(HttpResponse<String> response) throws Exception {
        return ApiClient.json(response).get("errors").findValuesAsText("field");
    }
}
