package io.ganaka.sinks;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One projection of one topic into the database. The {@link SinkRunner} owns the consumer loop, transactions, retries
 * and the dead-letter topic; a sink only says how to read a record and how to write a batch idempotently.
 *
 * @param <T> the row a record becomes
 */
public interface Sink<T> {

    /** Short name for logs and the consumer group, e.g. {@code expenses}. */
    String name();

    /** The topic this sink consumes. */
    String topic();

    /** Every topic this sink consumes: {@link #topic()} alone, unless a sink joins several. */
    default List<String> topics() {
        return List.of(topic());
    }

    /**
     * Turns a record into a row, or empty when the record is not for this sink (another event type, a tombstone).
     *
     * @throws PoisonRecordException when the record can never be written
     */
    Optional<T> decode(ConsumerRecord<byte[], byte[]> record) throws PoisonRecordException;

    /**
     * Writes the rows on a connection whose transaction the caller commits. Must be idempotent: writing the same rows
     * again, or older ones after newer ones, leaves the tables unchanged.
     */
    void write(Connection connection, List<T> batch) throws SQLException;
}
