package io.ganaka.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.schemas.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** A small JSON-over-HTTP client for the end-to-end tests, with the calls most of them begin with. */
final class HttpJson {

    /** A signed-up, logged-in user: their id as {@code /auth/me} answers it, and their access token. */
    record Session(String id, String token) {}

    record Reply(int status, JsonNode body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    HttpJson(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Reply get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    Reply post(String path, String token, Object body) {
        return post(path, token, body, Map.of());
    }

    /** A POST with extra request headers such as {@code Prefer} or {@code Idempotency-Key}. */
    Reply post(String path, String token, Object body, Map<String, String> headers) {
        try {
            String json = Json.MAPPER.writeValueAsString(body);
            HttpRequest.Builder request = request(path, token).header("Content-Type", "application/json");
            headers.forEach(request::header);
            return send(request.POST(HttpRequest.BodyPublishers.ofString(json)).build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request with a JSON body (or none when {@code body} is null) and extra headers such as If-Match. */
    Reply send(String method, String path, String token, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder builder = request(path, token).method(method, body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body)));
            if (body != null) {
                builder.header("Content-Type", "application/json");
            }
            headers.forEach(builder::header);
            return send(builder.build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Registers {@code email} with a fresh password and logs in, asserting both answers; the access token. */
    String signUpAndLogIn(String email) {
        String password = "correct horse battery " + UUID.randomUUID();
        Reply registered = post("/auth/register", null, Map.of("email", email, "password", password));
        assertThat(registered.status()).as(registered.raw().body()).isEqualTo(202);
        Reply login = post("/auth/login", null, Map.of("email", email, "password", password));
        assertThat(login.status()).as(login.raw().body()).isEqualTo(200);
        assertThat(login.body().get("tokenType").asText()).isEqualTo("Bearer");
        return login.body().get("accessToken").asText();
    }

    /** {@link #signUpAndLogIn}, and the new user's id. */
    Session newSession(String email) {
        String token = signUpAndLogIn(email);
        return new Session(get("/auth/me", token).body().get("id").asText(), token);
    }

    /** The body of {@code POST /expenses} with the four fields every expense needs. */
    static Map<String, Object> expense(String amount, String currency, String occurredAt, String description) {
        return Map.of("amount", amount, "currency", currency, "occurredAt", occurredAt, "description", description);
    }

    /** Posts an expense, asserting it is accepted (202 with its Location); its id. */
    String addExpense(String token, String amount, String currency, String occurredAt, String description) {
        Reply reply = post("/expenses", token, expense(amount, currency, occurredAt, description));
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(202);
        String id = reply.body().get("id").asText();
        assertThat(reply.header("Location")).isEqualTo("/expenses/" + id);
        return id;
    }

    /** The monthly report as {@code currency -> "total xcount"}, which reads well in a failed assertion. */
    Map<String, String> monthlyTotals(String token, int year, int month) {
        Reply report = get("/reports/monthly/" + year + "/" + month, token);
        assertThat(report.status()).isEqualTo(200);
        Map<String, String> totals = new HashMap<>();
        for (JsonNode t : report.body().get("totals")) {
            totals.put(t.get("currency").asText(), t.get("total").asText() + " x" + t.get("count").asLong());
        }
        return totals;
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? null : Json.MAPPER.readTree(response.body());
            return new Reply(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
