package io.ganaka.sinks.notify;

import java.util.Optional;

/** Text messages to the phone in the user's preferences, through an {@link SmsProvider}. */
public final class SmsChannel implements NotificationChannel {

    private final SmsProvider provider;

    public SmsChannel(SmsProvider provider) {
        this.provider = provider;
    }

    @Override
    public String name() {
        return "sms";
    }

    @Override
    public Optional<String> recipientFor(UserContact user) {
        return user.preferences().sms() ? Optional.of(user.preferences().smsPhone()) : Optional.empty();
    }

    @Override
    public DeliveryOutcome deliver(Notification notification) {
        return provider.send(notification.recipient(), notification.body());
    }
}
