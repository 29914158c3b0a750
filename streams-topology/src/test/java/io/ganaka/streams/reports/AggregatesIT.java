package io.ganaka.streams.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ganaka.schemas.CategoryTotal;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventSerde;
import io.ganaka.schemas.JsonSerde;
import io.ganaka.schemas.MonthlyTotal;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.SummaryTotal;
import io.ganaka.schemas.Topic;
import io.ganaka.streams.StreamsRole;
import io.ganaka.streams.StreamsSettings;
import io.ganaka.streams.reports.ExpenseHistory.Kind;
import io.ganaka.streams.reports.ExpenseHistory.Op;
import io.ganaka.testkit.TestEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The aggregates on a real broker, exactly-once, across a restart of the streams role (with its local state, and
 * without it): categorized expense events in, committed monthly, category and all-time reports (with their minimum and
 * maximum) out, equal to a recomputation from the final expense states.
 */
class AggregatesIT {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final AtomicInteger TESTS = new AtomicInteger();

    private final TestEnvironment env = TestEnvironment.shared();
    // Each test its own topics and application id, so no test reads another one's state or group.
    private final Naming naming = new Naming(env.prefix() + "-" + TESTS.incrementAndGet());
    private Admin admin;

    @TempDir
    Path stateDir;

    @BeforeEach
    void createTopics() throws Exception {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafkaBootstrapServers()));
        // Same partition count for both inputs: the time-zone join needs them co-partitioned.
        List<NewTopic> topics = StreamsRole.topics(naming).stream()
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
                .filter(name -> name.startsWith(naming.prefix()))
                .collect(Collectors.toSet());
        admin.deleteTopics(ours).all().get(30, TimeUnit.SECONDS);
        admin.close();
    }

    @Test
    void reportsAreExactAfterTheStreamsRoleIsStoppedMidStreamAndStartedAgain() {
        stopMidStreamAndStartAgain(stateDir);
    }

    /**
     * The restarted role finds no local state at all, as on a new machine: every store, the amount indexes behind the
     * minimum and maximum included, must come back from its changelog.
     */
    @Test
    void reportsAreExactAfterARestartThatRestoresEveryStoreFromItsChangelog(@TempDir Path emptyStateDir) {
        stopMidStreamAndStartAgain(emptyStateDir);
    }

    private void stopMidStreamAndStartAgain(Path restartStateDir) {
        ExpenseHistory.Run run = history(new Random(20260331)).play(naming.prefix() + "-");
        List<Event> registrations = run.deliveries().stream().filter(AggregatesIT::isUserEvent).toList();
        List<Event> expenses = run.deliveries().stream().filter(event -> !isUserEvent(event)).toList();
        List<Event> before = expenses.subList(0, expenses.size() / 2);
        List<Event> after = expenses.subList(expenses.size() / 2, expenses.size());
        StreamsSettings settings = StreamsSettings.singleBroker(naming, env.kafkaBootstrapServers(), stateDir);

        try (CommittedReports reports = new CommittedReports()) {
            try (StreamsRole role = StreamsRole.start(settings)) {
                assertThat(role.state()).isEqualTo(KafkaStreams.State.RUNNING);
                produce(Topic.USERS, registrations);
                produce(Topic.EXPENSES_CATEGORIZED, before);
                // Stop only once some reports are committed, so the restart really resumes from state and offsets.
                await().atMost(DEADLINE).pollInterval(Duration.ofMillis(50))
                        .untilAsserted(() -> assertThat(reports.poll().monthly).isNotEmpty());
            }
            // Same application id: the restarted role resumes from its stores (local, or restored from their changelogs)
            // and its committed offsets.
            StreamsSettings restart = StreamsSettings.singleBroker(naming, env.kafkaBootstrapServers(), restartStateDir);
            try (StreamsRole role = StreamsRole.start(restart)) {
                assertThat(role.state()).isEqualTo(KafkaStreams.State.RUNNING);
                produce(Topic.EXPENSES_CATEGORIZED, after);
                ExpectedReports expected = ExpectedReports.from(run.deliveries(), run.zones());
                await().atMost(DEADLINE).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
                    reports.poll();
                    ExpectedReports.assertExact(reports.monthly, expected.monthly());
                    ExpectedReports.assertExact(reports.categories, expected.categories());
                    ExpectedReports.assertExact(reports.summaries, expected.summaries());
                });
            }
        }
    }

    /** A fixed history of about 150 changes by three users: adds, updates, deletes, categorizations, reordering, repeats. */
    private static ExpenseHistory history(Random random) {
        List<Op> ops = new ArrayList<>();
        Kind[] kinds = {Kind.ADD, Kind.ADD, Kind.ADD, Kind.UPDATE, Kind.UPDATE, Kind.DELETE, Kind.CATEGORIZE, Kind.CATEGORIZE};
        for (int i = 0; i < 150; i++) {
            ops.add(new Op(kinds[random.nextInt(kinds.length)], random.nextInt(3), random.nextInt(1000), 1 + random.nextInt(50_000),
                    random.nextInt(1921) - 960, random.nextInt(ExpenseHistory.CURRENCIES.size()),
                    random.nextInt(ExpenseHistory.CATEGORIES.size())));
        }
        List<int[]> swaps = new ArrayList<>();
        List<int[]> duplicates = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            swaps.add(new int[] {random.nextInt(1000), random.nextInt(1000)});
            duplicates.add(new int[] {random.nextInt(1000), random.nextInt(1000)});
        }
        // Kolkata, no registration at all, New York.
        return new ExpenseHistory(List.of(2, 0, 3), ops, swaps, duplicates);
    }

    private static boolean isUserEvent(Event event) {
        return event.eventType().domain().equals("user");
    }

    private void produce(Topic topic, List<Event> events) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, Event> producer =
                new KafkaProducer<>(config, new StringSerializer(), new EventSerde().serializer())) {
            // Keyed by user, so each user's events arrive in this order, just as the categorization topology writes them.
            events.forEach(event -> producer.send(new ProducerRecord<>(naming.topic(topic), event.userId(), event)));
            producer.flush();
        }
    }

    /** The latest committed report per bucket on the three report topics, read from the beginning. */
    private final class CommittedReports implements AutoCloseable {

        final Map<MonthKey, MonthlyTotal> monthly = new HashMap<>();
        final Map<CategoryKey, CategoryTotal> categories = new HashMap<>();
        final Map<SummaryKey, SummaryTotal> summaries = new HashMap<>();
        private final KafkaConsumer<String, byte[]> consumer;
        private final String monthlyTopic = naming.topic(Topic.REPORTS_MONTHLY);
        private final String categoriesTopic = naming.topic(Topic.REPORTS_CATEGORIES);

        CommittedReports() {
            Map<String, Object> config = Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafkaBootstrapServers(),
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = new ArrayList<>();
            for (Topic topic : List.of(Topic.REPORTS_MONTHLY, Topic.REPORTS_CATEGORIES, Topic.REPORTS_SUMMARY)) {
                String name = naming.topic(topic);
                // Just created: until the broker's metadata has them, partitionsFor answers with no partitions.
                await().atMost(DEADLINE).pollInterval(Duration.ofMillis(50))
                        .until(() -> consumer.partitionsFor(name, Duration.ofSeconds(5)), found -> !found.isEmpty())
                        .forEach(info -> partitions.add(new TopicPartition(name, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        CommittedReports poll() {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.topic().equals(monthlyTopic)) {
                    MonthlyTotal total = new JsonSerde<>(MonthlyTotal.class).deserializer().deserialize(record.topic(), record.value());
                    monthly.put(AggregatesHarness.keyOf(total), total);
                } else if (record.topic().equals(categoriesTopic)) {
                    CategoryTotal total = new JsonSerde<>(CategoryTotal.class).deserializer().deserialize(record.topic(), record.value());
                    categories.put(AggregatesHarness.keyOf(total), total);
                } else {
                    SummaryTotal total = new JsonSerde<>(SummaryTotal.class).deserializer().deserialize(record.topic(), record.value());
                    summaries.put(AggregatesHarness.keyOf(total), total);
                }
                assertThat(record.key()).as("reports are keyed by user").isNotBlank();
            }
            return this;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
