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
