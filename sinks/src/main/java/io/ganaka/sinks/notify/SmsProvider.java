package io.ganaka.sinks.notify;

/** Sends one text message; classifies a problem as {@link DeliveryOutcome.Retry} or {@link DeliveryOutcome.Failed}. */
public interface SmsProvider {

    /** @param to an E.164 number */
    DeliveryOutcome send(String to, String text);
}
