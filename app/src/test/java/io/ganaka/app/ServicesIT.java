package io.ganaka.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.testkit.TestEnvironment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /services} of a process running every role with a stand-alone metrics server: it lists each role, and
 * the docs and metrics addresses it gives answer.
 */
class ServicesIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AutoClose
    private static RunningSystem system;
    private static Instant beforeStart;

    @BeforeAll
    static void startEveryRole() throws Exception {
        beforeStart = Instant.now();
        system = RunningSystem.start(TestEnvironment.shared(), "-services", "ganaka-it-services-",
                EnumSet.allOf(Role.class), Map.of("GANAKA_METRICS_PORT", "0"));
    }

    @Test
    void listsEveryRunningRoleWithDocsAndMetricsThatAnswer() throws Exception {
        HttpJson.Reply reply = system.http().get("/services", null);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.body();
        List<String> roles = new ArrayList<>();
        body.path("services").forEach(service -> roles.add(service.path("role").asText()));
        assertThat(roles).containsExactly("api", "bridge", "streams", "sinks");
        assertThat(Instant.parse(body.path("startedAt").asText())).isAfterOrEqualTo(beforeStart.minusSeconds(1));
        assertThat(body.path("version").asText()).isNotBlank();
        assertThat(body.path("metricsServerPort").asInt()).isEqualTo(system.system().metricsPort());

        for (JsonNode service : body.path("services")) {
            assertThat(fetch(system.apiPort(), service.path("metricsUrl").asText()).statusCode())
                    .as(service.toString()).isEqualTo(200);
            if (!service.path("docsUrl").isNull()) {
                assertThat(fetch(system.apiPort(), service.path("docsUrl").asText()).statusCode()).isEqualTo(200);
                assertThat(fetch(system.apiPort(), service.path("openApiUrl").asText()).statusCode()).isEqualTo(200);
            }
        }
        assertThat(body.path("services").get(0).path("docsUrl").asText()).isEqualTo("/docs");
        assertThat(fetch(system.system().metricsPort(), "/metrics").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> fetch(int port, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).GET().build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
