package io.ganaka.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.ganaka.api.RunningApi.User;
import io.ganaka.api.http.RouteSpec;
import io.ganaka.api.http.Routes;
import io.ganaka.api.live.DashboardSocket;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api-docs} against the running API: the document lists exactly the routes of the route table, with the
 * same access rules, and real answers match the schemas, media types and headers it declares.
 */
class OpenApiDocumentIT {

    private static RunningApi running;
    private static ApiClient api;
    private static OpenApiContract contract;
    private static User user;

    @BeforeAll
    static void start() throws Exception {
        running = new RunningApi(ApiOptions.sharedEnvironment().namingSuffix("-openapi")
                .hasher(4, Duration.ofSeconds(10)));
        api = running.client;
        HttpResponse<String> docs = api.get("/api-docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        contract = new OpenApiContract(ApiClient.json(docs));
        user = running.signedInUser();
    }

    @AfterAll
    static void stop() throws Exception {
        running.close();
    }

    @Test
    void documentIsOpenApi31JsonWithTheBuildVersionAndNoToken() throws Exception {
        HttpResponse<String> docs = api.get("/api-docs", null);

        assertThat(docs.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode document = ApiClient.json(docs);
        assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(document.path("info").path("version").asText()).isNotBlank().isNotEqualTo("set-at-start");
        assertThat(document.at("/components/securitySchemes/bearer/bearerFormat").asText()).isEqualTo("JWT");
        assertThat(contract.danglingReferences()).isEmpty();
    }

    @Test
    void yamlDocumentIsTheSameDocument() throws Exception {
        HttpResponse<String> yaml = api.get("/api-docs.yaml", null);

        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/yaml"));
        assertThat(new YAMLMapper().readTree(yaml.body())).isEqualTo(ApiClient.json(api.get("/api-docs", null)));
    }

    @Test
    void everyRouteOfTheTableIsDocumentedAndNothingElse() {
        Set<String> routes = new TreeSet<>();
        for (RouteSpec route : running.server.routeTable()) {
            routes.add(route.method() + " " + route.path());
        }
        // The socket is installed beside the table (its upgrade authenticates itself); documented as its GET.
        routes.add("GET " + DashboardSocket.PATH);

        assertThat(contract.operations()).containsExactlyInAnyOrderElementsOf(routes);
    }

    @Test
    void documentRequiresATokenExactlyWhereTheRouteTableDoes() {
        List<String> disagreements = new ArrayList<>();
        for (RouteSpec route : running.server.routeTable()) {
            if (contract.authenticated(route.method(), route.path()) != route.authenticated()) {
                disagreements.add(route + " (table: " + route.role() + ")");
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void everyProtectedRouteDeclaresItsRefusalsAndEveryIdempotentOneItsKey() {
        List<String> missing = new ArrayList<>();
        for (RouteSpec route : running.server.routeTable()) {
            Set<String> statuses = contract.statuses(route.method(), route.path());
            boolean idempotent = Routes.isIdempotent(route);
            if (route.authenticated() && !statuses.contains("401")) {
                missing.add(route + " 401");
            }
            if (contract.takesHeader(route.method(), route.path(), "Idempotency-Key") != idempotent) {
                missing.add(route + (idempotent ? " takes" : " does not take") + " Idempotency-Key");
            }
            // A malformed key is a 400, a key in use a 409, a key reused for another request a 422.
            if (idempotent && !statuses.containsAll(Set.of("400", "409", "422"))) {
                missing.add(route + " 400/409/422 of Idempotency-Key");
            }
            if (contract.takesHeader(route.method(), route.path(), "If-Match")
                    && !statuses.containsAll(Set.of("412", "428"))) {
                missing.add(route + " 412/428 of If-Match");
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyPathParameterIsDeclaredAndEveryExampleMatchesItsSchema() {
        assertThat(contract.undeclaredPathParameters()).isEmpty();
        assertThat(contract.examplesThatBreakTheirSchemas()).isEmpty();
    }

    @Test
    void addedExpenseAnswerMatchesTheDocument() throws Exception {
        HttpResponse<String> added = api.postJson("/expenses", "{\"amount\":\"12.34\",\"currency\":\"EUR\","
                + "\"description\":\"Espresso\",\"occurredAt\":\"2026-03-15T12:00:00Z\"}", user.token());

        assertThat(added.statusCode()).isEqualTo(202);
        contract.assertMatches("POST", "/expenses", added);
    }

    @Test
    void invalidExpenseProblemMatchesTheDocument() throws Exception {
        HttpResponse<String> refused = api.postJson("/expenses", "{\"amount\":\"a lot\",\"currency\":\"EUR\","
                + "\"occurredAt\":\"2026-03-15T12:00:00Z\"}", user.token());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        contract.assertMatches("POST", "/expenses", refused);
    }

    @Test
    void missingTokenProblemMatchesTheDocument() throws Exception {
        HttpResponse<String> refused = api.get("/expenses", null);

        assertThat(refused.statusCode()).isEqualTo(401);
        contract.assertMatches("GET", "/expenses", refused);
    }

    @Test
    void expensePageAndExpenseMatchTheDocument() throws Exception {
        ExpenseRows rows = new ExpenseRows(running.db, user.id());
        UUID coffee = rows.category("Coffee");
        UUID id = rows.at("2026-03-14T08:00:00Z").text("Flat white", "Café Central").category(coffee).insert();
        rows.at("2026-03-13T08:00:00Z").insert();

        HttpResponse<String> page = api.get("/expenses?limit=1", user.token());
        assertThat(ApiClient.json(page).path("nextCursor").isTextual()).as(page.body()).isTrue();
        contract.assertMatches("GET", "/expenses", page);
        contract.assertMatches("GET", "/expenses/{id}", succeeded(api.get("/expenses/" + id, user.token())));
        contract.assertMatches("GET", "/categories", succeeded(api.get("/categories", user.token())));
    }

    @Test
    void monthlyReportMatchesTheDocument() throws Exception {
        try (Connection c = running.db.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO monthly_summaries (user_id, year, month, currency, total, count, min_amount, max_amount)"
                        + " VALUES (?, 2026, 3, 'EUR', ?, 2, ?, ?)")) {
            s.setObject(1, UUID.fromString(user.id()));
            s.setBigDecimal(2, new BigDecimal("20.00"));
            s.setBigDecimal(3, new BigDecimal("7.66"));
            s.setBigDecimal(4, new BigDecimal("12.34"));
            s.executeUpdate();
        }

        HttpResponse<String> report = api.get("/reports/monthly/2026/3", user.token());
        assertThat(ApiClient.json(report).path("totals")).as(report.body()).hasSize(1);
        contract.assertMatches("GET", "/reports/monthly/{year}/{month}", report);
        contract.assertMatches("GET", "/reports/monthly/{year}/{month}", api.get("/reports/monthly/2026/13",
                user.token()));
    }

    @Test
    void dashboardAccountAndProfileMatchTheDocument() throws Exception {
        contract.assertMatches("GET", "/dashboard", succeeded(api.get("/dashboard", user.token())));
        contract.assertMatches("GET", "/auth/me", succeeded(api.get("/auth/me", user.token())));
        contract.assertMatches("GET", "/users/{id}", succeeded(api.get("/users/" + user.id(), user.token())));
        contract.assertMatches("GET", "/budgets/default", succeeded(api.get("/budgets/default", user.token())));
        contract.assertMatches("POST", "/auth/login", succeeded(api.postJson("/auth/login",
                RunningApi.credentials(user.email(), RunningApi.PASSWORD), null)));
    }

    @Test
    void listsReportsAndWritesOfTheOtherDomainsMatchTheDocument() throws Exception {
        User other = running.signedInUser();
        HttpResponse<String> category = api.postJson("/categories", "{\"name\":\"Books\",\"color\":\"#336699\"}",
                other.token());
        assertThat(category.statusCode()).as(category.body()).isEqualTo(201);
        contract.assertMatches("POST", "/categories", category);
        String categoryId = ApiClient.json(category).path("id").asText();
        String budget = "{\"items\":[{\"categoryId\":\"" + categoryId
                + "\",\"currency\":\"EUR\",\"amount\":\"300.00\"}]}";
        contract.assertMatches("PUT", "/budgets/{year}/{month}",
                succeeded(api.putJson("/budgets/2026/3", budget, other.token())));
        contract.assertMatches("GET", "/budgets/{year}/{month}", succeeded(api.get("/budgets/2026/3", other.token())));

        for (String path : List.of("/rules", "/imports", "/webhooks", "/notifications", "/alerts",
                "/reports/summary")) {
            contract.assertMatches("GET", path, succeeded(api.get(path, other.token())));
        }
        contract.assertMatches("GET", "/reports/categories/{year}/{month}",
                succeeded(api.get("/reports/categories/2026/3", other.token())));
        contract.assertMatches("POST", "/ws/ticket", succeeded(api.post("/ws/ticket", "", null, other.token())));
        contract.assertMatches("GET", "/expenses/{id}", api.get("/expenses/" + UUID.randomUUID(), other.token()));
    }

    /** The response, once it is known to be a success: a problem would match the document too, but prove less. */
    private static HttpResponse<String> succeeded(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isBetween(200, 299);
        return response;
    }

    @Test
    void operationsEndpointsMatchTheDocument() throws Exception {
        contract.assertMatches("GET", "/health", succeeded(api.get("/health", null)));
        contract.assertMatches("GET", "/services", succeeded(api.get("/services", null)));
        contract.assertMatches("GET", "/docs/{asset}", api.get("/docs/no-such-file.js", null));
    }
}
