package io.ganaka.sinks.notify;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An event that asks for a notification: who, which event caused it (the dedupe key with the channel), of which kind
 * ({@code alert.high-value}, {@code alert.budget-threshold}, {@code alert.unusual-spending}, {@code welcome},
 * {@code monthly-summary}), and the event's data for the templates.
 */
public record NotificationRequest(UUID userId, UUID sourceEventId, String kind, EventPayload data, Instant at) {

    public static final String WELCOME = "welcome";
    public static final String MONTHLY_SUMMARY = "monthly-summary";

    /** The request an event makes, or empty when the event is of no notification's concern. */
    public static Optional<String> kindOf(Event event) {
        EventPayload data = event.data();
        if (data instanceof EventPayload.AlertRaised alert) {
            return switch (alert.kind() == null ? "" : alert.kind()) {
                case "high-value", "budget-threshold", "unusual-spending" -> Optional.of("alert." + alert.kind());
                default -> Optional.empty(); // a kind this version does not know: no template to say it with
            };
        }
        if (data instanceof EventPayload.UserRegistered) {
            return Optional.of(WELCOME);
        }
        if (data instanceof EventPayload.ReportUpdated report && "month-closed".equals(report.kind())) {
            return Optional.of(MONTHLY_SUMMARY);
        }
        return Optional.empty();
    }
}
