package io.ganaka.schemas.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.webhooks.DeliveryOutcome.Result;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryOutcomeTest {

    private static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");
    private static final Duration TOOK = Duration.ofMillis(42);

    @Test
    void classifiesEvery2xxAsSent() {
        for (int status : new int[] {200, 201, 202, 204, 299}) {
            assertThat(DeliveryOutcome.ofAnswer(status, null, TOOK, NOW)).as("" + status).satisfies(o -> {
                assertThat(o.result()).isEqualTo(Result.SENT);
                assertThat(o.statusCode()).isEqualTo(status);
                assertThat(o.error()).isNull();
                assertThat(o.sent()).isTrue();
            });
        }
    }

    @Test
    void classifies5xxTooManyRequestsAndRequestTimeoutAsWorthARetry() {
        for (int status : new int[] {500, 502, 503, 504, 599, 429, 408}) {
            DeliveryOutcome outcome = DeliveryOutcome.ofAnswer(status, null, TOOK, NOW);
            assertThat(outcome.result()).as("" + status).isEqualTo(Result.RETRY);
            assertThat(outcome.error()).isEqualTo("the target answered " + status);
        }
    }

    @Test
    void classifiesOther4xxAndRedirectsAsPermanentFailures() {
        for (int status : new int[] {400, 401, 403, 404, 410, 413, 422}) {
            assertThat(DeliveryOutcome.ofAnswer(status, null, TOOK, NOW).result()).as("" + status)
                    .isEqualTo(Result.FAILED);
        }
        DeliveryOutcome redirect = DeliveryOutcome.ofAnswer(301, null, TOOK, NOW);
        assertThat(redirect.result()).isEqualTo(Result.FAILED);
        assertThat(redirect.error()).isEqualTo("the target answered 301; redirects are not followed");
    }

    @Test
    void readsRetryAfterAsSecondsOrAnHttpDateOnRetriesOnly() {
        assertThat(DeliveryOutcome.ofAnswer(429, "120", TOOK, NOW).retryAfter()).isEqualTo(Duration.ofMinutes(2));
        assertThat(DeliveryOutcome.ofAnswer(503, "Sun, 15 Mar 2026 12:00:30 GMT", TOOK, NOW).retryAfter())
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(DeliveryOutcome.ofAnswer(503, "Sun, 15 Mar 2026 11:00:00 GMT", TOOK, NOW).retryAfter())
                .isEqualTo(Duration.ZERO);
        assertThat(DeliveryOutcome.ofAnswer(503, "soon", TOOK, NOW).retryAfter()).isNull();
        assertThat(DeliveryOutcome.ofAnswer(503, "999999999", TOOK, NOW).retryAfter())
                .isEqualTo(DeliveryOutcome.MAX_RETRY_AFTER);
        assertThat(DeliveryOutcome.ofAnswer(404, "120", TOOK, NOW).retryAfter()).isNull();
    }

    @Test
    void namesResultsInLowerCase() {
        assertThat(Result.SENT.wireName()).isEqualTo("sent");
        assertThat(Result.RETRY.wireName()).isEqualTo("retry");
        assertThat(Result.FAILED.wireName()).isEqualTo("failed");
    }
}
