package io.ganaka.schemas.webhooks;

import io.ganaka.schemas.EventType;
import java.util.List;

/**
 * The event types a webhook may subscribe to, and the type of the test delivery. The list is fixed on purpose: it
 * names the events that mean something to a user's own systems, not the pipeline's internal traffic.
 */
public final class WebhookEventTypes {

    /** The type of the delivery {@code POST /webhooks/{id}/test} sends; never an event of the pipeline. */
    public static final String TEST = "webhook.test";

    public static final List<String> SUBSCRIBABLE = List.of(
            EventType.EXPENSE_ADDED.wireName(),
            EventType.EXPENSE_UPDATED.wireName(),
            EventType.EXPENSE_DELETED.wireName(),
            EventType.ALERT_RAISED.wireName(),
            EventType.REPORT_UPDATED.wireName(),
            EventType.NOTIFICATION_SENT.wireName());

    private WebhookEventTypes() {}

    public static boolean isSubscribable(String type) {
        return SUBSCRIBABLE.contains(type);
    }
}
