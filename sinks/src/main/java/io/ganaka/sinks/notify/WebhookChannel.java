package io.ganaka.sinks.notify;

import io.ganaka.schemas.webhooks.WebhookDeliveryLog;
import io.ganaka.schemas.webhooks.WebhookSender;
import io.ganaka.sinks.webhooks.WebhookStore;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outgoing webhooks as a notification channel. Its rows come from subscriptions ({@link WebhookIntake}), never from
 * preferences, so it is nobody's recipient at the usual intake; quiet hours do not hold it back (the receivers are
 * machines). Each attempt reads the webhook as it is now, so a deleted, paused or unsubscribed one is skipped without
 * a request; otherwise the row's body (the event) is sent, signed afresh, with the notification id as
 * {@code Ganaka-Delivery-Id}, and the attempt is kept in {@code webhook_deliveries}.
 */
public final class WebhookChannel implements NotificationChannel, AutoCloseable {

    public static final String NAME = "webhook";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookChannel.class);

    private final WebhookStore store;
    private final WebhookSender sender;

    public WebhookChannel(WebhookStore store, WebhookSender sender) {
        this.store = store;
        this.sender = sender;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> recipientFor(UserContact user) {
        return Optional.empty(); // subscribing is the preference: see WebhookIntake
    }

    @Override
    public boolean respectsQuietHours() {
        return false;
    }

    /** One breaker per webhook: a target that is down holds back only its own deliveries. */
    @Override
    public String breakerKey(Notification notification) {
        return NAME + ":" + notification.recipient();
    }

    @Override
    public DeliveryOutcome deliver(Notification n) {
        UUID webhookId;
        try {
            webhookId = UUID.fromString(n.recipient());
        } catch (IllegalArgumentException e) {
            return DeliveryOutcome.failed("the recipient is not a webhook id: " + n.recipient());
        }
        Optional<WebhookStore.StoredWebhook> webhook;
        try {
            webhook = store.find(n.userId(), webhookId);
        } catch (SQLException e) {
            return DeliveryOutcome.retry("could not read webhook " + webhookId + ": " + e.getMessage());
        }
        Optional<String> skip = skipReason(webhook, webhookId, n.kind());
        if (skip.isPresent()) {
            return new DeliveryOutcome.Skipped(skip.get());
        }
        var outcome = sender.send(webhook.get().subscriber().delivery(n.kind(), n.id().toString(),
                n.body().getBytes(StandardCharsets.UTF_8)));
        try {
            store.record(new WebhookDeliveryLog.Attempt(n.userId(), webhookId, n.id(), n.attempts() + 1,
                    n.sourceEventId().toString(), n.kind(), outcome));
        } catch (SQLException e) {
            // The attempt happened; its outcome still goes to the notification row. Only the history misses it.
            LOG.warn("attempt {} of delivery {} to webhook {} could not be kept: {}", n.attempts() + 1, n.id(),
                    webhookId, e.toString());
        }
        return outcome(outcome);
    }

    /** Why a delivery must not be attempted any more, if it must not. */
    static Optional<String> skipReason(Optional<WebhookStore.StoredWebhook> webhook, UUID webhookId,
                                       String eventType) {
        if (webhook.isEmpty()) {
            return Optional.of("webhook " + webhookId + " was deleted");
        }
        if (!webhook.get().active()) {
            return Optional.of("webhook " + webhookId + " is inactive");
        }
        if (!webhook.get().eventTypes().contains(eventType)) {
            return Optional.of("webhook " + webhookId + " no longer subscribes to " + eventType);
        }
        return Optional.empty();
    }

    /** The sender's classification as the dispatcher's: a retry keeps the target's {@code Retry-After}. */
    static DeliveryOutcome outcome(io.ganaka.schemas.webhooks.DeliveryOutcome sent) {
        return switch (sent.result()) {
            case SENT -> DeliveryOutcome.SENT;
            case RETRY -> new DeliveryOutcome.Retry(sent.error(), sent.retryAfter());
            case FAILED -> DeliveryOutcome.failed(sent.error());
        };
    }

    @Override
    public void close() {
        sender.close();
    }
}
