package io.ganaka.sinks.notify;

import java.time.Duration;
import java.time.Instant;

/**
 * What a notification's row becomes after one delivery attempt: sent, due again at {@code nextAttemptAt}, failed for
 * good (a permanent error, or the last attempt allowed), or skipped without an attempt (its recipient is gone).
 */
sealed interface AttemptResult {

    int attempts();

    record Sent(int attempts) implements AttemptResult {}

    record RetryAt(int attempts, Instant nextAttemptAt, String error) implements AttemptResult {}

    record Failed(int attempts, String error) implements AttemptResult {}

    record Skipped(int attempts, String reason) implements AttemptResult {}

    /**
     * @param attemptsBefore attempts made before this one
     * @param random         uniformly random in [0, 1), for the jitter
     */
    static AttemptResult of(DeliveryOutcome outcome, int attemptsBefore, RetrySchedule schedule, Instant now,
                            double random) {
        if (outcome instanceof DeliveryOutcome.Skipped skipped) {
            return new Skipped(attemptsBefore, skipped.reason());
        }
        int attempts = attemptsBefore + 1;
        if (outcome instanceof DeliveryOutcome.Sent) {
            return new Sent(attempts);
        }
        if (outcome instanceof DeliveryOutcome.Failed failed) {
            return new Failed(attempts, failed.error());
        }
        DeliveryOutcome.Retry retry = (DeliveryOutcome.Retry) outcome;
        if (schedule.exhausted(attempts)) {
            return new Failed(attempts, retry.error() + " (gave up after " + attempts + " attempts)");
        }
        Duration delay = schedule.delayAfter(attempts, random);
        if (retry.after() != null && retry.after().compareTo(delay) > 0) {
            delay = retry.after(); // the server asked for a longer pause (Retry-After): never come back earlier
        }
        return new RetryAt(attempts, now.plus(delay), retry.error());
    }
}
