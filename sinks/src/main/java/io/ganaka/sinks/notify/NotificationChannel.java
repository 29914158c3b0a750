package io.ganaka.sinks.notify;

import java.util.Optional;

/**
 * One way of reaching a user (e-mail, SMS, in-app; a webhook channel is added by registering one more implementation).
 * The intake asks each registered channel whether a user wants it, and the dispatcher hands it the due notifications.
 */
public interface NotificationChannel {

    /** The channel's name as stored in {@code notifications.channel}, e.g. {@code email}. */
    String name();

    /**
     * Where this user's notifications of this channel go, or empty when the user has the channel off (or has no
     * address for it); asked once per event, when the notification is created.
     */
    Optional<String> recipientFor(UserContact user);

    /**
     * Delivers one notification; must not throw for a delivery problem but classify it: {@link DeliveryOutcome.Retry}
     * when a later attempt may succeed, {@link DeliveryOutcome.Failed} when none can.
     */
    DeliveryOutcome deliver(Notification notification);

    /**
     * The circuit breaker a delivery counts against: by default one per channel, since a channel usually has one
     * server (an SMTP relay, an SMS gateway). A channel whose recipients are servers of their own (webhooks) names
     * one per recipient, so that one failing target does not hold back the others.
     */
    default String breakerKey(Notification notification) {
        return name();
    }

    /** True when quiet hours hold this channel back (e-mail and SMS); in-app goes out at once. */
    default boolean respectsQuietHours() {
        return true;
    }
}
