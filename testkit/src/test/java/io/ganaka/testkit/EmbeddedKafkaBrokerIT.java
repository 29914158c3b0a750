package io.ganaka.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaBrokerIT {

    @Test
    void startsAndCarriesARecordThenRemovesItsDirectoryOnClose() throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
        var dir = broker.logDir();
        try {
            assertThat(dir).isDirectory();
            String topic = "t" + Long.toHexString(System.nanoTime()) + ".roundtrip";
            createTopic(broker.bootstrapServers(), topic);
            produce(broker.bootstrapServers(), topic, "user-1", "hello");

            assertThat(consumeOne(broker.bootstrapServers(), topic))
                    .extracting(ConsumerRecord::key, ConsumerRecord::value)
                    .containsExactly("user-1", "hello");
        } finally {
            broker.close();
        }
        assertThat(Files.exists(dir)).isFalse();
    }

    @Test
    void twoBrokersRunSideBySideOnDifferentPortsAndDirectories() throws Exception {
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start();
             EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start()) {
            assertThat(first.bootstrapServers()).isNotEqualTo(second.bootstrapServers());
            assertThat(first.logDir()).isNotEqualTo(second.logDir());

            createTopic(first.bootstrapServers(), "only.on.first");
            createTopic(second.bootstrapServers(), "only.on.second");

            assertThat(topics(first.bootstrapServers())).contains("only.on.first").doesNotContain("only.on.second");
            assertThat(topics(second.bootstrapServers())).contains("only.on.second").doesNotContain("only.on.first");
        }
    }

    @Test
    void closingTwiceIsHarmless() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
        broker.close();
        broker.close();

        assertThat(Files.exists(broker.logDir())).isFalse();
    }

    private static void createTopic(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static Set<String> topics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        }
    }

    private static void produce(String bootstrap, String topic, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static ConsumerRecord<String, String> consumeOne(String bootstrap, String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, topic + "-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return !received.isEmpty();
            });
        }
        return received.get(0);
    }
}
