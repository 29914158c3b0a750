package io.ganaka.sinks.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ganaka.schemas.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * An SMS gateway behind an HTTP webhook: {@code POST {"to", "text"}} with a bearer token. 2xx is sent; 429 and 5xx,
 * timeouts and connection failures are retried; any other 4xx is permanent (the gateway refused this message).
 */
public final class WebhookSmsProvider implements SmsProvider {

    private final HttpClient http;
    private final URI url;
    private final String token;
    private final Duration timeout;

    public WebhookSmsProvider(URI url, String token, Duration timeout) {
        this.url = url;
        this.token = token;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public DeliveryOutcome send(String to, String text) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(url)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(
                            Json.MAPPER.writeValueAsBytes(Map.of("to", to, "text", text))))
                    .build();
        } catch (JsonProcessingException e) {
            return DeliveryOutcome.failed("cannot encode the message: " + e.getMessage());
        }
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return classify(response.statusCode(), response.body());
        } catch (HttpTimeoutException e) {
            return DeliveryOutcome.retry("SMS webhook timed out after " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return DeliveryOutcome.retry("SMS webhook unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryOutcome.retry("interrupted while sending");
        }
    }

    /** 2xx sent; 429 and 5xx retried; other 4xx permanent; anything else (e.g. a redirect) retried. */
    static DeliveryOutcome classify(int status, String body) {
        if (status >= 200 && status < 300) {
            return DeliveryOutcome.SENT;
        }
        String error = "SMS webhook answered " + status + excerpt(body);
        if (status >= 400 && status < 500 && status != 429) {
            return DeliveryOutcome.failed(error);
        }
        return DeliveryOutcome.retry(error);
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String line = NotificationTemplates.oneLine(body);
        return ": " + (line.length() > 200 ? line.substring(0, 200) + "…" : line);
    }
}
