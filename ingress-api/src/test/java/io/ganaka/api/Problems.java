package io.ganaka.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;

/**
 * Assertions on the API's problem+json answers, shared by the ingress-api ITs: each checks the status, the media
 * type, the body's status and that no stack trace leaks; the typed ones also check the problem type.
 */
final class Problems {

    private static final String TYPES = "https://ganaka.dev/problems/";

    private Problems() {}

    /** A problem+json answer with this status. */
    static JsonNode assertProblem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        JsonNode problem = ApiClient.json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return problem;
    }

    /** A problem+json answer with this status and type, and a title. */
    static void assertProblem(HttpResponse<String> response, int status, String type) throws Exception {
        JsonNode problem = assertProblem(response, status);
        assertThat(problem.get("type").asText()).isEqualTo(TYPES + type);
        assertThat(problem.get("title").asText()).isNotBlank();
    }

    /** A problem+json answer with this status and type whose requestId is the response's X-Request-Id. */
    static void assertTracedProblem(HttpResponse<String> response, int status, String type) throws Exception {
        JsonNode problem = assertProblem(response, status);
        assertThat(problem.get("type").asText()).isEqualTo(TYPES + type);
        assertThat(problem.get("requestId").asText())
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
    }

    /** The problem without {@code instance} and {@code requestId}, which differ per request by design. */
    static JsonNode withoutInstance(HttpResponse<String> response) throws Exception {
        ObjectNode problem = (ObjectNode) ApiClient.json(response);
        problem.remove("instance");
        problem.remove("requestId");
        return problem;
    }
}
