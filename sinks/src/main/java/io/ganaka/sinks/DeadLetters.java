package io.ganaka.sinks;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where records a sink can never write go, each with the reason, so that one bad record cannot stop a sink. */
interface DeadLetters {

    /** A record that was skipped, and why. */
    record Poison(ConsumerRecord<byte[], byte[]> record, String reason) {}

    /**
     * Writes every poison record and returns once all are durable.
     *
     * @throws RuntimeException when they could not be written; the caller retries the whole batch
     */
    void send(List<Poison> poison);
}
