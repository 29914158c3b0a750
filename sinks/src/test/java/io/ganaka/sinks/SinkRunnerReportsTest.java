package io.ganaka.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ganaka.schemas.EventIds;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runner announces a batch's event ids only after its database commit, never for a rolled-back attempt. */
class SinkRunnerReportsTest {

    private static final String TOPIC = "t.ganaka.expenses";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    /** Everything that happened, in order: connection commits and rollbacks, writes and reports. */
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private SinkRunner<String> runner;

    /** A sink whose rows are the record values; its first {@code failuresLeft} writes fail like a lost connection. */
    private final Sink<String> sink = new Sink<>() {
        @Override
        public String name() {
            return "expenses";
        }

        @Override
        public String topic() {
            return TOPIC;
        }

        @Override
        public Optional<String> decode(ConsumerRecord<byte[], byte[]> record) throws PoisonRecordException {
            String value = new String(record.value(), StandardCharsets.UTF_8);
            if (value.equals("poison")) {
                throw new PoisonRecordException("cannot be read");
            }
            return value.equals("skip") ? Optional.empty() : Optional.of(value);
        }

        @Override
        public void write(Connection connection, List<String> batch) throws SQLException {
            if (failuresLeft.getAndDecrement() > 0) {
                log.add("write failed");
                throw new SQLException("connection reset", "08006");
            }
            log.add("write " + batch);
        }
    };

    @AfterEach
    void stop() throws Exception {
        if (runner != null) {
            runner.requestStop();
            assertThat(runner.awaitStopped(Duration.ofSeconds(10))).isTrue();
        }
    }

    @Test
    void reportsTheBatchEventIdsOnceAndOnlyAfterTheCommitThatFollowsARolledBackAttempt() {
        failuresLeft.set(1);
        MockConsumer<byte[], byte[]> consumer = consumerWith(List.of(
                record(0, "row-a", "event-a"), record(1, "row-b", "event-b"), record(2, "row-c", null)));

        start(consumer);

        await().atMost(Duration.ofSeconds(10)).until(() -> log.stream().anyMatch(e -> e.startsWith("report")));
        assertThat(log).containsExactly("write failed", "rollback", "write [row-a, row-b, row-c]", "commit",
                "report expenses [event-a, event-b]");
    }

    @Test
    void reportsNothingWhileEveryAttemptRollsBack() {
        failuresLeft.set(Integer.MAX_VALUE);
        start(consumerWith(List.of(record(0, "row-a", "event-a"))));

        await().atMost(Duration.ofSeconds(10)).until(() -> log.stream().filter("rollback"::equals).count() >= 2);
        assertThat(log).doesNotContain("commit").noneMatch(e -> e.startsWith("report"));
    }

    @Test
    void tellsTheObserverWhatTheBatchHeldOnceItIsCommitted() {
        List<SinkBatch> batches = new CopyOnWriteArrayList<>();
        String madeByTheApi = EventIds.newId();
        MockConsumer<byte[], byte[]> consumer = consumerWith(List.of(record(0, "row-a", madeByTheApi),
                record(1, "skip", null), record(2, "poison", null), record(3, "row-d", "not-a-uuid-v7")));
        runner = new SinkRunner<>(sink, () -> consumer, loggingDatabase(), poison -> { }, ProjectionReports.NONE,
                Duration.ofMillis(10), batch -> {
                    log.add("observed");
                    batches.add(batch);
                });
        new Thread(runner, "sink-under-test").start();

        await().atMost(Duration.ofSeconds(10)).until(() -> !batches.isEmpty());
        SinkBatch batch = batches.get(0);
        assertThat(batch.sink()).isEqualTo("expenses");
        assertThat(List.of(batch.written(), batch.skipped(), batch.deadLettered(), batch.size()))
                .containsExactly(2, 1, 1, 4);
        assertThat(batch.latencies()).singleElement().satisfies(latency -> assertThat(latency.isNegative()).isFalse());
        assertThat(log).containsSubsequence("commit", "observed");
    }

    private void start(MockConsumer<byte[], byte[]> consumer) {
        runner = new SinkRunner<>(sink, () -> consumer, loggingDatabase(), poison -> { },
                (name, ids) -> log.add("report " + name + " " + ids), Duration.ofMillis(10));
        new Thread(runner, "sink-under-test").start();
    }

    private static ConsumerRecord<byte[], byte[]> record(long offset, String value, String eventId) {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(TOPIC, 0, offset, "u1".getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8));
        if (eventId != null) {
            record.headers().add(EventRecords.EVENT_ID_HEADER, eventId.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private static MockConsumer<byte[], byte[]> consumerWith(List<ConsumerRecord<byte[], byte[]>> records) {
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(PARTITION));
            records.forEach(consumer::addRecord);
        });
        return consumer;
    }

    /** A data source whose connections only log their commits and rollbacks. */
    private DataSource loggingDatabase() {
        Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "commit", "rollback" -> log.add(method.getName());
                        default -> { }
                    }
                    return null;
                });
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> method.getName().equals("getConnection") ? connection : null);
    }
}
