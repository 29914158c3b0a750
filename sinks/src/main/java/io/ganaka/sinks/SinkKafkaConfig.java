package io.ganaka.sinks;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Kafka client settings of the sinks: manual commits after the database commit, reading only committed output. */
final class SinkKafkaConfig {

    private SinkKafkaConfig() {}

    static Properties consumer(SinkSettings settings, String sinkName) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, settings.naming().groupId("sinks-" + sinkName));
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.naming().groupId("sinks-" + sinkName));
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // The topologies write transactionally (exactly_once_v2): never project an aborted record.
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // A new group projects the whole topic: the upserts make that safe.
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(settings.maxBatchRecords()));
        // A killed sink never leaves its group: its partitions wait this long before a live member takes them over.
        long session = settings.sessionTimeout().toMillis();
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, Long.toString(session));
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Long.toString(Math.min(3_000, session / 3)));
        return p;
    }

    static Properties deadLetterProducer(SinkSettings settings) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, settings.naming().groupId("sinks-dlq"));
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return p;
    }
}
