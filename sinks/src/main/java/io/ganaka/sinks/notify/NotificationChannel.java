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

    /** True when quiet hours hold this channel back (e-mail and SMS); in-app goes out at once. */
    default boolean respectsQuietHours() {
        return true;
    }
}
