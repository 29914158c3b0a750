package io.ganaka.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.schemas.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small JSON-over-HTTP client for the end-to-end tests. */
final class HttpJson {

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
