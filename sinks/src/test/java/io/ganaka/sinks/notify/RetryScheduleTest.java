package io.ganaka.sinks.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The back-off between attempts, its jitter and cap, and what an attempt's outcome makes of the row. */
class RetryScheduleTest {

    private static final RetrySchedule SCHEDULE =
            new RetrySchedule(Duration.ofSeconds(30), Duration.ofMinutes(10), 5);
    private static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");

    @Test
    void theDelayDoublesFromTheBaseUpToTheCap() {
        assertThat(SCHEDULE.delayAfter(1, 0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(SCHEDULE.delayAfter(2, 0)).isEqualTo(Duration.ofSeconds(60));
        assertThat(SCHEDULE.delayAfter(3, 0)).isEqualTo(Duration.ofSeconds(120));
        assertThat(SCHEDULE.delayAfter(5, 0)).isEqualTo(Duration.ofSeconds(480));
        assertThat(SCHEDULE.delayAfter(6, 0)).isEqualTo(Duration.ofMinutes(10));
        assertThat(SCHEDULE.delayAfter(1_000, 0)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void jitterTakesOffUpToHalfTheDelay() {
        assertThat(SCHEDULE.delayAfter(2, 0.5)).isEqualTo(Duration.ofSeconds(45));
        assertThat(SCHEDULE.delayAfter(2, 0.999_999)).isEqualTo(Duration.ofMillis(30_001)); // never below half
    }

    @Test
    void theLastAllowedAttemptExhaustsTheSchedule() {
        assertThat(SCHEDULE.exhausted(4)).isFalse();
        assertThat(SCHEDULE.exhausted(5)).isTrue();
    }

    @Test
    void aBadScheduleIsRefused() {
        assertThatThrownBy(() -> new RetrySchedule(Duration.ZERO, Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(2), Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(1), Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSuccessCountsTheAttempt() {
        assertThat(AttemptResult.of(DeliveryOutcome.SENT, 2, SCHEDULE, NOW, 0)).isEqualTo(new AttemptResult.Sent(3));
    }

    @Test
    void aTransientFailureIsDueAgainAfterTheBackOff() {
        assertThat(AttemptResult.of(DeliveryOutcome.retry("421 busy"), 1, SCHEDULE, NOW, 0))
                .isEqualTo(new AttemptResult.RetryAt(2, NOW.plusSeconds(60), "421 busy"));
    }

    @Test
    void aTransientFailureOnTheLastAttemptFailsWithTheError() {
        assertThat(AttemptResult.of(DeliveryOutcome.retry("421 busy"), 4, SCHEDULE, NOW, 0))
                .isEqualTo(new AttemptResult.Failed(5, "421 busy (gave up after 5 attempts)"));
    }

    @Test
    void aPermanentFailureFailsAtOnce() {
        assertThat(AttemptResult.of(DeliveryOutcome.failed("550 no such user"), 0, SCHEDULE, NOW, 0))
                .isEqualTo(new AttemptResult.Failed(1, "550 no such user"));
    }

    @Test
    void aRetryAfterLongerThanTheBackOffIsTheNextAttempt() {
        assertThat(AttemptResult.of(new DeliveryOutcome.Retry("the target answered 503", Duration.ofMinutes(5)), 1,
                SCHEDULE, NOW, 0)).isEqualTo(new AttemptResult.RetryAt(2, NOW.plusSeconds(300),
                "the target answered 503"));
    }

    @Test
    void aRetryAfterShorterThanTheBackOffDoesNotBringTheAttemptForward() {
        assertThat(AttemptResult.of(new DeliveryOutcome.Retry("the target answered 429", Duration.ofSeconds(1)), 1,
                SCHEDULE, NOW, 0)).isEqualTo(new AttemptResult.RetryAt(2, NOW.plusSeconds(60),
                "the target answered 429"));
    }

    @Test
    void aSkippedNotificationCountsNoAttempt() {
        assertThat(AttemptResult.of(new DeliveryOutcome.Skipped("webhook w was deleted"), 2, SCHEDULE, NOW, 0))
                .isEqualTo(new AttemptResult.Skipped(2, "webhook w was deleted"));
    }
}
