package io.ganaka.streams.reports;

import static io.ganaka.streams.reports.ExpenseEvents.added;
import static io.ganaka.streams.reports.ExpenseEvents.deleted;
import static io.ganaka.streams.reports.ExpenseEvents.updated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventSerde;
import io.ganaka.schemas.JsonSerde;
import io.ganaka.schemas.MonthlyTotal;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.Topic;
import io.ganaka.streams.StreamsRole;
import io.ganaka.streams.StreamsSettings;
import io.ganaka.testkit.TestEnvironment;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streams role on a real broker, exactly-once: expense events in, committed monthly totals out. */
class MonthlyTotalsIT {

    private static final String MARCH = "2026-03-15T12:00:00Z";

    private final TestEnvironment env = TestEnvironment.shared();
    private final Naming naming = new Naming(env.prefix());
    private Admin admin;

    @TempDir
    Path stateDir;

    @BeforeEach
    void createTopics() throws Exception {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafkaBootstrapServers()));
        List<NewTopic> topics = MonthlyTotalsTopology.topics(naming).stream()
                .map(name -> new NewTopic(name, 3, (short) 1))
                .toList();
        try {
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // Another test of this run may have created them already; anything else is a real failure.
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    @AfterEach
    void deleteTopics() throws Exception {
        // The app's internal topics start with its application id, which carries the prefix as well.
        Set<String> ours = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                .filter(name -> name.startsWith(env.prefix()))
                .collect(Collectors.toSet());
        admin.deleteTopics(ours).all().get(30, TimeUnit.SECONDS);
        admin.close();
    }

    @Test
    void publishesCommittedMonthlyTotalsAsExpensesAreAddedChangedAndDeleted() {
        String user = "user-" + env.prefix();
        Event coffee = added(user, "e1", "12.34", "EUR", MARCH);
        StreamsSettings settings = StreamsSettings.singleBroker(naming, env.kafkaBootstrapServers(), stateDir);
        try (StreamsRole role = StreamsRole.start(settings);
                KafkaConsumer<String, MonthlyTotal> reports = committedReader()) {
            assertThat(role.state()).isEqualTo(KafkaStreams.State.RUNNING);
            Map<String, MonthlyTotal> latest = new HashMap<>();

            produce(List.of(coffee, added(user, "e2", "0.66", "EUR", MARCH), added(user, "e3", "5.00", "USD", MARCH)));
            awaitTotals(reports, user, latest, Map.of(
                    "EUR", new MonthlyTotal(user, 2026, 3, "EUR", new BigDecimal("13.00"), 2),
                    "USD", new MonthlyTotal(user, 2026, 3, "USD", new BigDecimal("5.00"), 1)));

            // Changes go out only once the totals above were seen, so the delete must retract a published total.
            produce(List.of(updated(user, "e2", 2, "1.66", "EUR", MARCH), deleted(user, "e3", 2), coffee));
            awaitTotals(reports, user, latest, Map.of(
                    "EUR", new MonthlyTotal(user, 2026, 3, "EUR", new BigDecimal("14.00"), 2),
                    "USD", new MonthlyTotal(user, 2026, 3, "USD", new BigDecimal("0.00"), 0)));
        }
    }

    /** Reads committed totals (latest per currency) until they equal the expected ones. */
    private static void awaitTotals(KafkaConsumer<String, MonthlyTotal> reports, String user,
            Map<String, MonthlyTotal> latest, Map<String, MonthlyTotal> expected) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            reports.poll(Duration.ofMillis(200)).forEach(record -> {
                assertThat(record.key()).isEqualTo(user);
                latest.put(record.value().currency(), record.value());
            });
            assertThat(latest).isEqualTo(expected);
        });
    }

    private void produce(List<Event> events) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, Event> producer =
                new KafkaProducer<>(config, new StringSerializer(), new EventSerde().serializer())) {
            // One user key, so the events arrive in this order, just as the bridge would send them.
            events.forEach(event -> producer.send(new ProducerRecord<>(naming.topic(Topic.EXPENSES), event.userId(), event)));
            producer.flush();
        }
    }

    private KafkaConsumer<String, MonthlyTotal> committedReader() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafkaBootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, MonthlyTotal> consumer = new KafkaConsumer<>(
                config, new StringDeserializer(), new JsonSerde<>(MonthlyTotal.class).deserializer());
        String topic = naming.topic(Topic.REPORTS_MONTHLY);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
