package io.ganaka.bridge;

import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The Kafka producer settings of the bridge: idempotent with {@code acks=all}, so a retry never reorders or
 * duplicates within a partition, and a delivery timeout inside JetStream's ack wait.
 */
final class BridgeProducerConfig {

    static final int LINGER_MS = 5;
    static final int BATCH_BYTES = 64 * 1024;
    /** lz4-java is a runtime dependency of kafka-clients, so this needs nothing extra on the classpath. */
    static final String COMPRESSION = "lz4";

    private BridgeProducerConfig() {}

    static Properties properties(BridgeSettings settings) {
        long deliveryTimeoutMs = settings.kafkaDeliveryTimeout().toMillis();
        // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms.
        long requestTimeoutMs = Math.min(30_000, deliveryTimeoutMs - LINGER_MS);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, settings.naming().groupId("bridge"));
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(LINGER_MS));
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(BATCH_BYTES));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, COMPRESSION);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(deliveryTimeoutMs));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(requestTimeoutMs));
        // send() blocks the NATS dispatcher while metadata is missing; give up well inside the ack wait.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(Math.min(10_000, deliveryTimeoutMs)));
        return p;
    }
}
