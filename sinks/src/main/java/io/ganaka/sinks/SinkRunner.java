package io.ganaka.sinks;

import io.ganaka.schemas.EventIds;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer loop every sink shares: poll, write the batch in one transaction, and commit the offsets only after
 * the database commit. Transient failures retry the same batch with back-off; a record that can never be written goes
 * to the dead-letter topic and the rest of its batch is written without it. After each database commit the ids of the
 * events written are handed to {@link ProjectionReports}, so that clients waiting for them can read their writes.
 */
final class SinkRunner<T> implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SinkRunner.class);

    private final Sink<T> sink;
    private final Supplier<Consumer<byte[], byte[]>> consumers;
    /** The consumer in use; replaced after an unexpected failure, woken by {@link #requestStop()}. */
    private volatile Consumer<byte[], byte[]> consumer;
    private final DataSource db;
    private final DeadLetters deadLetters;
    private final ProjectionReports reports;
    private final Duration pollTimeout;
    private final SinkObserver observer;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    private record Row<T>(ConsumerRecord<byte[], byte[]> source, T value) {}

    SinkRunner(Sink<T> sink, Supplier<Consumer<byte[], byte[]>> consumers, DataSource db, DeadLetters deadLetters,
            Duration pollTimeout) {
        this(sink, consumers, db, deadLetters, ProjectionReports.NONE, pollTimeout);
    }

    SinkRunner(Sink<T> sink, Supplier<Consumer<byte[], byte[]>> consumers, DataSource db, DeadLetters deadLetters,
            ProjectionReports reports, Duration pollTimeout) {
        this(sink, consumers, db, deadLetters, reports, pollTimeout, SinkObserver.NONE);
    }

    SinkRunner(Sink<T> sink, Supplier<Consumer<byte[], byte[]>> consumers, DataSource db, DeadLetters deadLetters,
            ProjectionReports reports, Duration pollTimeout, SinkObserver observer) {
        this.observer = observer;
        this.sink = sink;
        this.consumers = consumers;
        this.db = db;
        this.deadLetters = deadLetters;
        this.reports = reports;
        this.pollTimeout = pollTimeout;
    }

    @Override
    public void run() {
        // An unexpected failure (a Kafka error the client does not retry by itself, a bug) must not end the sink for
        // good: the consumer is closed, a fresh one rejoins the group after a back-off, and re-reads from the last
        // committed offsets, which the idempotent upserts absorb.
        Backoff restarts = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
        try {
            while (!stopping()) {
                try {
                    consumeUntilStopped();
                } catch (RuntimeException e) {
                    Duration wait = restarts.next();
                    LOG.error("sink {} failed unexpectedly; restarting its consumer in {} ms", sink.name(),
                            wait.toMillis(), e);
                    closeConsumer();
                    awaitStop(wait);
                }
            }
        } finally {
            closeConsumer();
            finished.countDown();
        }
    }

    private void consumeUntilStopped() {
        consumer = consumers.get();
        if (stopping()) {
            return; // stop was requested while the consumer was being made; it could not be woken
        }
        try {
            consumer.subscribe(sink.topics());
            while (!stopping()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(pollTimeout);
                if (records.isEmpty()) {
                    continue;
                }
                if (!process(records)) {
                    return; // stopped while retrying: leave the batch uncommitted for the next owner
                }
                commit(records);
            }
        } catch (WakeupException e) {
            // stop() woke a blocking poll or commit; the loop is over.
        }
    }

    private void closeConsumer() {
        Consumer<byte[], byte[]> current = consumer;
        consumer = null;
        if (current != null) {
            try {
                current.close(CloseOptions.timeout(Duration.ofSeconds(5)));
            } catch (RuntimeException e) {
                LOG.warn("sink {} could not close its consumer cleanly: {}", sink.name(), e.toString());
            }
        }
    }

    /** The live metrics of the consumer in use; empty between a failure and the next consumer. */
    Map<MetricName, ? extends Metric> consumerMetrics() {
        Consumer<byte[], byte[]> current = consumer;
        return current == null ? Map.of() : current.metrics();
    }

    /** Asks the loop to end after the batch in hand; returns at once. */
    void requestStop() {
        stopSignal.countDown();
        Consumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    /** Waits up to {@code timeout} for the loop to end and its consumer to close. */
    boolean awaitStopped(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private boolean stopping() {
        return stopSignal.getCount() == 0;
    }

    /** Writes one polled batch; returns false only when stopped before it could be written. */
    private boolean process(ConsumerRecords<byte[], byte[]> records) {
        List<Row<T>> rows = new ArrayList<>(records.count());
        List<DeadLetters.Poison> poison = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                sink.decode(record).ifPresent(value -> rows.add(new Row<>(record, value)));
            } catch (PoisonRecordException e) {
                poison.add(new DeadLetters.Poison(record, e.getMessage()));
            } catch (RuntimeException e) {
                // A decoder bug must not stall the partition behind one record; the DLQ keeps it for a replay.
                poison.add(new DeadLetters.Poison(record, "decoder failed: " + e));
            }
        }
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10));
        while (!stopping()) {
            try {
                long started = System.nanoTime();
                List<Row<T>> committed = writeOnce(rows, poison);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                report(committed);
                observe(records.count(), records.count() - rows.size() - poison.size(), committed, took);
                return true;
            } catch (SQLException | RuntimeException e) {
                Duration wait = backoff.next();
                LOG.warn("sink {} could not write {} records ({}); retrying in {} ms", sink.name(), rows.size(),
                        e.toString(), wait.toMillis());
                awaitStop(wait);
            }
        }
        return false;
    }

    /** Writes and commits the rows; returns those committed (all but the ones the database refused). */
    private List<Row<T>> writeOnce(List<Row<T>> rows, List<DeadLetters.Poison> decodePoison) throws SQLException {
        List<DeadLetters.Poison> poison = new ArrayList<>(decodePoison);
        if (rows.isEmpty()) {
            sendDeadLetters(poison);
            return rows;
        }
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Row<T>> written = rows;
                try {
                    sink.write(c, values(rows));
                } catch (SQLException e) {
                    if (!SqlErrors.isDataError(e)) {
                        throw e;
                    }
                    c.rollback();
                    written = writeIsolatingPoison(c, rows, poison);
                }
                // Dead letters first: if they cannot be written, the whole batch is retried, nothing is skipped.
                sendDeadLetters(poison);
                c.commit();
                return written;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        }
    }

    /**
     * Writes row by row, each under a savepoint, so that only the rows the database refuses are left out; returns the
     * rows written.
     */
    private List<Row<T>> writeIsolatingPoison(Connection c, List<Row<T>> rows, List<DeadLetters.Poison> poison)
            throws SQLException {
        List<Row<T>> written = new ArrayList<>(rows.size());
        for (Row<T> row : rows) {
            Savepoint savepoint = c.setSavepoint();
            try {
                sink.write(c, List.of(row.value()));
                c.releaseSavepoint(savepoint);
                written.add(row);
            } catch (SQLException e) {
                if (!SqlErrors.isDataError(e)) {
                    throw e;
                }
                c.rollback(savepoint);
                poison.add(new DeadLetters.Poison(row.source(), "rejected by the database " + SqlErrors.describe(e)));
            }
        }
        return written;
    }

    /** Announces the committed rows' event ids; a failure here must neither undo nor repeat the committed write. */
    private void report(List<Row<T>> committed) {
        List<String> ids = committed.stream().map(row -> EventRecords.eventId(row.source()))
                .flatMap(Optional::stream).distinct().toList();
        if (ids.isEmpty()) {
            return;
        }
        try {
            reports.projected(sink.name(), ids);
        } catch (RuntimeException e) {
            LOG.warn("sink {} could not report {} projected events: {}", sink.name(), ids.size(), e.toString());
        }
    }

    /** Tells the observer about a committed batch; {@code skipped} records were not for this sink. */
    private void observe(int polled, int skipped, List<Row<T>> committed, Duration took) {
        Instant now = Instant.now();
        List<Duration> latencies = committed.stream().map(row -> EventRecords.eventId(row.source()))
                .flatMap(Optional::stream).distinct()
                .map(EventIds::createdAt).flatMap(Optional::stream)
                .map(created -> Duration.between(created, now)).toList();
        int written = committed.size();
        observer.committed(new SinkBatch(sink.name(), written, polled - skipped - written, skipped, took, latencies));
    }

    private void sendDeadLetters(List<DeadLetters.Poison> poison) {
        if (poison.isEmpty()) {
            return;
        }
        deadLetters.send(poison);
        for (DeadLetters.Poison p : poison) {
            LOG.warn("sink {} dead-lettered {}-{}@{}: {}", sink.name(), p.record().topic(), p.record().partition(),
                    p.record().offset(), p.reason());
        }
    }

    private void commit(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> inPartition = records.records(partition);
            long next = inPartition.get(inPartition.size() - 1).offset() + 1;
            offsets.put(partition, new OffsetAndMetadata(next));
        }
        try {
            consumer.commitSync(offsets);
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // The partitions moved while we wrote; their new owner re-reads the batch, which the upserts absorb.
            LOG.info("sink {} could not commit after a rebalance: {}", sink.name(), e.getMessage());
        }
    }

    private List<T> values(List<Row<T>> rows) {
        List<T> values = new ArrayList<>(rows.size());
        for (Row<T> row : rows) {
            values.add(row.value());
        }
        return values;
    }

    private void awaitStop(Duration wait) {
        try {
            stopSignal.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopSignal.countDown();
        }
    }

    private void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            // The connection is broken; the pool discards it and the transaction dies with it.
            LOG.debug("rollback failed for sink {}", sink.name(), e);
        }
    }
}
