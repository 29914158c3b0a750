package io.ganaka.bridge;

/** Where one JetStream message goes: its Kafka input topic, or the dead-letter topic with the reason. */
sealed interface Route {

    /** A routable event; {@code eventId} may be null when neither header nor body gave one. */
    record Forward(String topic, String userId, String eventId, String eventType) implements Route {}

    /** A message that cannot be routed; {@code userId} and {@code eventType} are whatever could be learned. */
    record DeadLetter(String topic, String reason, String userId, String eventType) implements Route {}
}
