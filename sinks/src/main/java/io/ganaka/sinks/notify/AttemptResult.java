package io.ganaka.sinks.notify;

import java.time.Instant;

/**
 * What a notification's row becomes after one delivery attempt: sent, due again at {@code nextAttemptAt}, or failed
 * for good (a permanent error, or the last attempt allowed).
 */
sealed interface AttemptResult {

    int attempts();

    record Sent(int attempts) implements AttemptResult {}

    record RetryAt(int attempts, Instant nextAttemptAt, String error) implements AttemptResult {}

    record Failed(int attempts, String error) implements AttemptResult {}

    /**
     * @param attemptsBefore attempts made before this one
     * @param random         uniformly random in [0, 1), for the jitter
     */
    static AttemptResult of(DeliveryOutcome outcome, int attemptsBefore, RetrySchedule schedule, Instant now,
                            double random) {
        int attempts = attemptsBefore + 1;
        if (outcome instanceof DeliveryOutcome.Sent) {
            return new Sent(attempts);
        }
        if (outcome instanceof DeliveryOutcome.Failed failed) {
            return new Failed(attempts, failed.error());
        }
        String error = ((DeliveryOutcome.Retry) outcome).error();
        if (schedule.exhausted(attempts)) {
            return new Failed(attempts, error + " (gave up after " + attempts + " attempts)");
        }
        return new RetryAt(attempts, now.plus(schedule.delayAfter(attempts, random)), error);
    }
}
