package io.ganaka.api;

import static io.ganaka.api.Problems.assertTracedProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.api.events.JetStreamPublisher;
import io.ganaka.auth.Argon2PasswordHasher;
import io.ganaka.schemas.Naming;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CORS, security headers, 405/413/415 and the problem+json shape of every error, over real HTTP. */
class HttpHygieneIT {

    private static final String ALLOWED = "http://localhost:5173";
    private static final String TEA = "{\"amount\":\"1.00\",\"currency\":\"EUR\",\"description\":\"Tea\","
            + "\"occurredAt\":\"2026-03-15T12:00:00Z\"";

    private static RunningApi api;
    private static ApiClient client;

    @BeforeAll
    static void start() throws Exception {
        api = new RunningApi(List.of(ALLOWED, "https://app.example.org"));
        client = api.client;
    }

    @AfterAll
    static void stop() throws Exception {
        if (api != null) {
            api.close();
        }
    }

    // ---- security headers -----------------------------------------------------------------------------------------

    @Test
    void aTokenDifferingOnlyInLetterCaseFromAnEarlierOneOnTheSameConnectionIsRefused() throws Exception {
        RunningApi.User user = api.signedInUser();
        String token = user.token();
        int signature = token.lastIndexOf('.') + 1;
        int at = signature;
        while (!Character.isLetter(token.charAt(at))) {
            at++; // a 43-character signature always holds letters before its last character
        }
        char c = token.charAt(at);
        String recased = token.substring(0, at)
                + (Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c))
                + token.substring(at + 1);

        // One client, so both requests travel over the same keep-alive connection, where Jetty caches headers.
        HttpResponse<String> genuine = api.client.get("/auth/me", token);
        HttpResponse<String> forged = api.client.get("/auth/me", recased);

        assertThat(genuine.statusCode()).isEqualTo(200);
        assertTracedProblem(forged, 401, "unauthenticated");
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() throws Exception {
        RunningApi.User user = api.signedInUser();
        Map<String, HttpResponse<String>> responses = Map.of(
                "200", client.get("/health", null),
                "200 authenticated", client.get("/auth/me", user.token()),
                "400", client.postJson("/expenses", "{\"amount\":", user.token()),
                "401", client.get("/auth/me", null),
                "404", client.get("/no/such/route", null),
                "404 domain", client.get("/expenses/00000000-0000-0000-0000-000000000000", user.token()),
                "405", send("DELETE", "/health", null),
                "413", client.postJson("/auth/login", "{\"email\":\"" + "a".repeat(32 * 1024) + "\"}", null),
                "415", client.post("/auth/login", "{}", "text/plain", null));

        responses.forEach((what, response) -> {
            assertThat(response.headers().firstValue("Cache-Control")).as(what).contains("no-store");
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(what)
                    .contains("default-src 'none'; frame-ancestors 'none'");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(what).contains("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(what).contains("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(what).contains("no-referrer");
            // Plain HTTP: announcing HSTS here would be meaningless, and wrong for a server behind no TLS at all.
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as(what).isEmpty();
        });
    }

    @Test
    void theDashboardPageKeepsItsOwnCacheAndContentPolicy() throws Exception {
        HttpResponse<String> page = client.get("/", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-cache");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .startsWith("default-src 'self'");
        assertThat(page.headers().allValues("Content-Security-Policy")).hasSize(1);
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    // ---- CORS -----------------------------------------------------------------------------------------------------

    @Test
    void anAllowedOriginGetsItsOwnOriginBackAndTheExposedHeaders() throws Exception {
        HttpResponse<String> response = client.send(client.request("/health", null).header("Origin", ALLOWED)
                .GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ALLOWED);
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers")).get().asString()
                .contains("Location").contains("ETag").contains("X-Request-Id").contains("Retry-After");
        assertThat(response.headers().firstValue("Vary")).get().asString().contains("Origin");
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void otherOriginsAndNullAreServedWithoutAnyCorsHeader() throws Exception {
        for (String origin : List.of("https://evil.example", "null", "http://localhost:5173.evil.example",
                "https://localhost:5173")) {
            HttpResponse<String> response = client.send(client.request("/health", null).header("Origin", origin)
                    .GET().build());

            assertThat(response.statusCode()).as(origin).isEqualTo(200);
            assertThat(response.headers().map().keySet()).as(origin)
                    .noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
            assertThat(response.body()).doesNotContain(origin);
        }
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnswered() throws Exception {
        HttpResponse<String> response = client.send(client.request("/expenses", null)
                .header("Origin", ALLOWED)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type, idempotency-key")
                .method("OPTIONS", BodyPublishers.noBody()).build());

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ALLOWED);
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).get().asString()
                .contains("POST").contains("PUT").contains("DELETE");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).get().asString()
                .contains("Authorization").contains("Content-Type").contains("Idempotency-Key")
                .contains("If-Match").contains("Prefer").contains("X-Request-Id");
        assertThat(response.headers().firstValue("Vary")).get().asString().contains("Origin");
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
    }

    @Test
    void aPreflightFromAnyOtherOriginIsRefusedWith403() throws Exception {
        for (String origin : List.of("https://evil.example", "null")) {
            HttpResponse<String> response = client.send(client.request("/expenses", null)
                    .header("Origin", origin)
                    .header("Access-Control-Request-Method", "POST")
                    .method("OPTIONS", BodyPublishers.noBody()).build());

            assertTracedProblem(response, 403, "origin-not-allowed");
            assertThat(response.headers().map().keySet()).as(origin)
                    .noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
        }
    }

    @Test
    void withoutAnAllowlistNoCorsHeaderIsEverSent() throws Exception {
        try (ApiServer bare = ApiServer.start(ApiDependencies.of(
                new ApiSettings(0, api.naming, Duration.ofSeconds(5), 16 * 1024), api.db,
                new JetStreamPublisher(api.nats, api.naming, 8, Duration.ofSeconds(2)), api.redis, api.tokens,
                new Argon2PasswordHasher(1, Duration.ofSeconds(5))))) {
            ApiClient bareClient = new ApiClient(bare.port());
            HttpResponse<String> simple = bareClient.send(bareClient.request("/health", null)
                    .header("Origin", ALLOWED).GET().build());
            HttpResponse<String> preflight = bareClient.send(bareClient.request("/health", null)
                    .header("Origin", ALLOWED).header("Access-Control-Request-Method", "GET")
                    .method("OPTIONS", BodyPublishers.noBody()).build());

            assertThat(simple.statusCode()).isEqualTo(200);
            assertThat(simple.headers().map().keySet())
                    .noneMatch(name -> name.toLowerCase().startsWith("access-control-") || name.equalsIgnoreCase("vary"));
            assertTracedProblem(preflight, 403, "origin-not-allowed");
            assertThat(preflight.headers().map().keySet())
                    .noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
        }
    }

    // ---- methods, media types, sizes, server-owned fields ---------------------------------------------------------

    @Test
    void aWrongMethodOnAnExistingPathAnswers405WithAllow() throws Exception {
        HttpResponse<String> deleteExpenses = send("DELETE", "/expenses", null);
        HttpResponse<String> putMe = send("PUT", "/auth/me", "{}");
        HttpResponse<String> postExpense = send("POST", "/expenses/" + java.util.UUID.randomUUID(), "{}");
        HttpResponse<String> getLogin = client.get("/auth/login", null);

        assertTracedProblem(deleteExpenses, 405, "method-not-allowed");
        assertThat(deleteExpenses.headers().firstValue("Allow")).contains("POST, GET");
        assertTracedProblem(putMe, 405, "method-not-allowed");
        assertThat(putMe.headers().firstValue("Allow")).contains("GET");
        assertTracedProblem(postExpense, 405, "method-not-allowed");
        assertThat(postExpense.headers().firstValue("Allow")).contains("GET, PUT, DELETE");
        assertTracedProblem(getLogin, 405, "method-not-allowed");
        assertThat(getLogin.headers().firstValue("Allow")).contains("POST");
    }

    @Test
    void anOversizedBodyIsRefusedWith413EvenWithoutAContentLength() throws Exception {
        byte[] huge = ("{\"email\":\"" + "a".repeat(64 * 1024) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // An input-stream body goes out chunked, so the server cannot judge it by its Content-Length header.
        HttpResponse<String> chunked = client.send(client.request("/auth/login", null)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge))).build());

        assertTracedProblem(chunked, 413, "payload-too-large");
    }

    @Test
    void serverOwnedFieldsInABodyAreRefusedByName() throws Exception {
        RunningApi.User user = api.signedInUser();
        long eventsBefore = api.storedEvents();

        for (String field : List.of("userId", "id", "createdAt", "updatedAt", "role", "version")) {
            HttpResponse<String> response = client.postJson("/expenses", TEA + ",\"" + field + "\":\"x\"}",
                    user.token());

            assertTracedProblem(response, 400, "validation");
            assertThat(ApiClient.json(response).get("errors").findValuesAsText("field")).containsExactly(field);
        }
        HttpResponse<String> register = client.postJson("/auth/register", "{\"email\":\"x." + api.env.prefix()
                + "@example.org\",\"password\":\"" + RunningApi.PASSWORD + "\",\"role\":\"admin\"}", null);
        assertTracedProblem(register, 400, "validation");
        assertThat(ApiClient.json(register).get("errors").findValuesAsText("field")).containsExactly("role");
        assertThat(api.storedEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void headIsServedLikeGetWithTheSameRoles() throws Exception {
        HttpResponse<String> health = send("HEAD", "/health", null);
        HttpResponse<String> me = send("HEAD", "/auth/me", null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(me.statusCode()).isEqualTo(401);
    }

    @Test
    void anUnknownCharsetIsTheClientsMistakeNotA500() throws Exception {
        HttpResponse<String> response = client.post("/auth/login", "{}", "application/json; charset=nope", null);

        assertTracedProblem(response, 400, "validation");
    }

    @Test
    void aPathJettyCannotDecodeIsAProblemWithTheSecurityHeadersToo() throws Exception {
        // java.net.http refuses to send such a URI, so this one goes over a plain socket.
        String raw;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", api.server.port())) {
            socket.getOutputStream().write("GET /expenses/%ZZ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            raw = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String head = raw.substring(0, raw.indexOf("\r\n\r\n"));
        JsonNode problem = io.ganaka.schemas.Json.MAPPER.readTree(raw.substring(raw.indexOf("\r\n\r\n") + 4));

        assertThat(head).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/problem+json")
                .contains("X-Frame-Options: DENY").contains("Cache-Control: no-store")
                .contains("X-Content-Type-Options: nosniff").contains("X-Request-Id: " + problem.get("requestId").asText());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(raw).doesNotContain("<html").doesNotContain("Exception").doesNotContain("%ZZ");
    }

    // ---- every error class ----------------------------------------------------------------------------------------

    @Test
    void everyErrorIsProblemJsonWithTheRequestIdAndNoInternals() throws Exception {
        RunningApi.User user = api.signedInUser();
        String token = user.token();
        String categoryOfNobody = java.util.UUID.randomUUID().toString();
        Map<String, HttpRequest.Builder> errors = new java.util.LinkedHashMap<>();
        errors.put("400 validation", json("/expenses", "{\"amount\":\"-1\"}", token));
        errors.put("400 malformed", json("/expenses", "{\"amount\": \"" + token + "\" garbage", token));
        errors.put("401 missing token", client.request("/auth/me", null).GET());
        errors.put("401 invalid token", client.request("/auth/me", token + "x").GET());
        errors.put("401 invalid credentials", json("/auth/login", "{\"email\":\"" + user.email()
                + "\",\"password\":\"wrong password 123\"}", null));
        errors.put("403 origin", client.request("/expenses", null).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").method("OPTIONS", BodyPublishers.noBody()));
        errors.put("404 route", client.request("/nowhere", token).GET());
        errors.put("404 resource", client.request("/expenses/" + categoryOfNobody, token).GET());
        errors.put("405", client.request("/health", null).method("PATCH", BodyPublishers.ofString("{}")));
        errors.put("413", json("/auth/login", "{\"email\":\"" + "a".repeat(32 * 1024) + "\"}", null));
        errors.put("415", client.request("/expenses", token).header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString(TEA + "}")));
        errors.put("422", json("/expenses", TEA + ",\"categoryId\":\"" + categoryOfNobody + "\"}", token));

        for (Map.Entry<String, HttpRequest.Builder> error : errors.entrySet()) {
            String requestId = "hygiene-" + error.getKey().replace(' ', '-');
            HttpResponse<String> response = client.send(error.getValue().header("X-Request-Id", requestId).build());

            int status = Integer.parseInt(error.getKey().substring(0, 3));
            assertThat(response.statusCode()).as(error.getKey() + ": " + response.body()).isEqualTo(status);
            assertThat(response.headers().firstValue("Content-Type")).as(error.getKey()).get().asString()
                    .startsWith("application/problem+json");
            assertThat(response.headers().firstValue("X-Request-Id")).as(error.getKey()).contains(requestId);
            JsonNode problem = ApiClient.json(response);
            assertThat(problem.get("requestId").asText()).as(error.getKey()).isEqualTo(requestId);
            assertThat(problem.get("status").asInt()).as(error.getKey()).isEqualTo(status);
            assertThat(response.body()).as(error.getKey())
                    .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("java.")
                    .doesNotContain("io.ganaka").doesNotContain("SQL").doesNotContain(token)
                    .doesNotContain(user.id());
        }
    }

    @Test
    void anUnavailableEventStoreIsA503ProblemWithRetryAfterAndTheRequestId() throws Exception {
        RunningApi.User user = api.signedInUser();
        Naming streamless = new Naming(api.env.prefix() + "-nostream");
        try (ApiServer noStream = ApiServer.start(ApiDependencies.of(
                // The API's own names (its sessions), publishing under a prefix that no stream stores.
                new ApiSettings(0, api.naming, Duration.ofSeconds(5), 16 * 1024), api.db,
                new JetStreamPublisher(api.nats, streamless, 8, Duration.ofSeconds(2)), api.redis, api.tokens,
                new Argon2PasswordHasher(1, Duration.ofSeconds(5))))) {
            ApiClient other = new ApiClient(noStream.port());
            HttpResponse<String> response = other.send(other.request("/expenses", user.token())
                    .header("Content-Type", "application/json").header("X-Request-Id", "hygiene-503")
                    .POST(BodyPublishers.ofString(TEA + "}")).build());

            assertTracedProblem(response, 503, "service-unavailable");
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(ApiClient.json(response).get("requestId").asText()).isEqualTo("hygiene-503");
            assertThat(response.body()).doesNotContain("NATS").doesNotContain("Exception");
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static HttpRequest.Builder json(String path, String body, String token) {
        return client.request(path, token).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder builder = client.request(path, null);
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        return client.send(builder.method(method, body == null ? BodyPublishers.noBody()
                : BodyPublishers.ofString(body)).build());
    }
}
