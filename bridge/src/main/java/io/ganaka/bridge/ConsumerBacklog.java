package io.ganaka.bridge;

/**
 * How far the bridge's JetStream consumer is behind the stream.
 *
 * @param pending    messages in the stream not yet delivered to the bridge
 * @param ackPending messages delivered but not yet acked (their Kafka send is in flight or will be retried)
 */
public record ConsumerBacklog(long pending, long ackPending) {}
