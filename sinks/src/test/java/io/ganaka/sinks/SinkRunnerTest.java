package io.ganaka.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class SinkRunnerTest {

    private static final String TOPIC = "t.ganaka.expenses";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    /** A sink for which no record is a row, so the runner needs no database to consume and commit. */
    private static final Sink<String> IGNORES_EVERYTHING = new Sink<>() {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public String topic() {
            return TOPIC;
        }

        @Override
        public Optional<String> decode(ConsumerRecord<byte[], byte[]> record) {
            return Optional.empty();
        }

        @Override
        public void write(Connection connection, List<String> batch) {
            throw new AssertionError("nothing should be written");
        }
    };

    @Test
    void anUnexpectedConsumerFailureRestartsTheConsumerInsteadOfEndingTheSink() throws Exception {
        MockConsumer<byte[], byte[]> broken = assignedConsumer();
        broken.setPollException(new KafkaException("broker said something unexpected"));
        MockConsumer<byte[], byte[]> healthy = assignedConsumer();
        healthy.schedulePollTask(() -> healthy.addRecord(
                new ConsumerRecord<>(TOPIC, 0, 0L, "u1".getBytes(), "{}".getBytes())));
        Deque<Consumer<byte[], byte[]>> consumers = new ArrayDeque<>(List.of(broken, healthy));
        SinkRunner<String> runner = new SinkRunner<>(IGNORES_EVERYTHING, consumers::pop, null,
                poison -> { }, Duration.ofMillis(10));
        Thread thread = new Thread(runner, "sink-under-test");

        thread.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> Long.valueOf(1).equals(committed(healthy)));
        assertThat(broken.closed()).isTrue();
        runner.requestStop();
        assertThat(runner.awaitStopped(Duration.ofSeconds(10))).isTrue();
        assertThat(healthy.closed()).isTrue();
    }

    private static MockConsumer<byte[], byte[]> assignedConsumer() {
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.schedulePollTask(() -> consumer.rebalance(List.of(PARTITION)));
        return consumer;
    }

    private static Long committed(MockConsumer<byte[], byte[]> consumer) {
        if (consumer.closed()) {
            return null;
        }
        OffsetAndMetadata offset = consumer.committed(java.util.Set.of(PARTITION)).get(PARTITION);
        return offset == null ? null : offset.offset();
    }
}
