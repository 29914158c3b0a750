package io.ganaka.api.webhooks;

import io.ganaka.schemas.webhooks.DeliveryOutcome;

/**
 * The answer to {@code POST /webhooks/{id}/test}: how the test delivery went, whatever the target did.
 *
 * @param outcome    {@code sent}, {@code retry} (the target failed in a way a later attempt may not) or {@code failed}
 * @param statusCode the target's HTTP status; null when it never answered
 * @param error      what went wrong in words; null when delivered
 */
public record WebhookTestResult(String deliveryId, String eventId, boolean delivered, String outcome,
                                Integer statusCode, long durationMs, String error) {

    static WebhookTestResult of(String deliveryId, String eventId, DeliveryOutcome outcome) {
        return new WebhookTestResult(deliveryId, eventId, outcome.sent(), outcome.result().wireName(),
                outcome.statusCode(), outcome.duration().toMillis(), outcome.error());
    }
}
