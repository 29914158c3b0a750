package io.ganaka.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CorsTest {

    private final Cors cors = new Cors(List.of("http://localhost:5173", "https://app.example.org"));

    @Test
    void anAllowedOriginGetsExactlyItselfBackWithTheExposedHeaders() {
        assertThat(cors.responseHeaders("https://app.example.org"))
                .containsEntry("Access-Control-Allow-Origin", "https://app.example.org")
                .containsEntry("Access-Control-Expose-Headers", "Location, ETag, X-Request-Id, Retry-After, Preference-Applied, Idempotency-Replayed")
                .containsEntry("Vary", "Origin")
                .doesNotContainKey("Access-Control-Allow-Credentials");
    }

    @Test
    void anyOtherOriginGetsNoCorsHeadersButStillVary() {
        for (String origin : new String[] {"https://evil.example", "https://app.example.org.evil.example",
                "http://app.example.org", "HTTPS://APP.EXAMPLE.ORG", "null", "*", "", null}) {
            assertThat(cors.responseHeaders(origin)).as(String.valueOf(origin))
                    .containsOnlyKeys("Vary");
        }
    }

    @Test
    void nullIsNeverAllowedEvenIfConfigured() {
        Cors withNull = new Cors(List.of("null"));

        assertThat(withNull.allows("null")).isFalse();
        assertThat(withNull.responseHeaders("null")).doesNotContainKey("Access-Control-Allow-Origin");
    }

    @Test
    void anEmptyAllowlistSendsNoCorsHeadersAtAll() {
        Cors none = new Cors(List.of());

        assertThat(none.responseHeaders("http://localhost:5173")).isEmpty();
        assertThat(none.allows("http://localhost:5173")).isFalse();
    }

    @Test
    void aPreflightAnswerListsTheAllowedMethodsAndHeaders() {
        assertThat(cors.preflightHeaders("http://localhost:5173"))
                .containsEntry("Access-Control-Allow-Origin", "http://localhost:5173")
                .containsEntry("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE")
                .containsEntry("Access-Control-Allow-Headers",
                        "Authorization, Content-Type, Idempotency-Key, If-Match, Prefer, X-Request-Id")
                .containsKey("Access-Control-Max-Age")
                .containsEntry("Vary", "Origin");
    }
}
