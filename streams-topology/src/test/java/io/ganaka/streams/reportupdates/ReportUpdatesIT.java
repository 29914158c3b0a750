package io.ganaka.streams.reportupdates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload.ExpenseAdded;
import io.ganaka.schemas.EventPayload.ReportLine;
import io.ganaka.schemas.EventPayload.ReportUpdated;
import io.ganaka.schemas.EventPayload.UserRegistered;
import io.ganaka.schemas.EventSerde;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.Topic;
import io.ganaka.streams.StreamsRole;
import io.ganaka.streams.StreamsSettings;
import io.ganaka.streams.TopologySettings;
import io.ganaka.streams.alerts.AlertSettings;
import io.ganaka.testkit.TestEnvironment;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
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
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report updates on a real broker, exactly-once, in the streams role as it runs: expense events in, committed
 * {@code report.updated} events out on {@code ganaka.reports.updates} — one per report change, and one month-closed
 * summary for a month that has already ended, checked every second.
 */
class ReportUpdatesIT {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    private final TestEnvironment env = TestEnvironment.shared();
    private final Naming naming = new Naming(env.prefix() + "-rupd");
    private final String user = UUID.randomUUID().toString();
    private Admin admin;

    @TempDir
    Path stateDir;

    @BeforeEach
    void createTopics() throws Exception {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafkaBootstrapServers()));
        List<NewTopic> topics = StreamsRole.topics(naming).stream().map(name -> new NewTopic(name, 3, (short) 1)).toList();
        try {
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    @AfterEach
    void deleteTopics() throws Exception {
        // Topics and the role's internal topics all start with this test's prefix.
        Set<String> ours = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                .filter(name -> name.startsWith(naming.prefix() + ".") || name.startsWith(naming.prefix() + "-"))
                .collect(Collectors.toSet());
        admin.deleteTopics(ours).all().get(30, TimeUnit.SECONDS);
        admin.close();
    }

    @SuppressWarnings("try") // the role is held open for the test's length, never referenced
    @Test
    void reportChangesAndTheCloseOfAnEndedMonthArriveAsReportUpdatedEvents() {
        // Months in the user's zone: two that have ended (within the retention) and one that will not end meanwhile.
        YearMonth now = YearMonth.now(KOLKATA);
        YearMonth lastMonth = now.minusMonths(1);
        YearMonth monthBefore = now.minusMonths(2);
        YearMonth future = now.plusMonths(2);
        TopologySettings topologies = new TopologySettings(AlertSettings.defaults(),
                MonthCloseSettings.defaults().withInterval(Duration.ofSeconds(1)).withGrace(Duration.ZERO));
        StreamsSettings settings = StreamsSettings.singleBroker(naming, env.kafkaBootstrapServers(), stateDir)
                .withTopologies(topologies);
        Updates updates = new Updates();

        try (updates; StreamsRole role = StreamsRole.start(settings)) {
            produce(Topic.USERS, List.of(Event.create(user, "it", new UserRegistered("a@example.org", "A", "Asia/Kolkata"))));
            produce(Topic.EXPENSES_CATEGORIZED, List.of(
                    added(lastMonth, "10.00", "EUR"), added(lastMonth, "5.00", "USD"), added(future, "7.00", "EUR")));
            await().atMost(DEADLINE).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                updates.poll();
                assertThat(updates.latest("summary", null, "EUR")).isEqualTo(line(null, "EUR", "17.00", 2, "7.00", "10.00"));
                assertThat(updates.latest("summary", null, "USD")).isEqualTo(line(null, "USD", "5.00", 1, "5.00", "5.00"));
                assertThat(updates.monthClosed(lastMonth)).isNotEmpty();
            });

            // A late change to the closed month, then an expense of the month before it. That month's summary shows
            // the punctuator ran after the late change was processed (one task holds all of the user's records), so
            // a second summary of last month would be there by then.
            produce(Topic.EXPENSES_CATEGORIZED, List.of(added(lastMonth, "3.00", "EUR"), added(monthBefore, "1.00", "EUR")));
            await().atMost(DEADLINE).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                updates.poll();
                assertThat(updates.monthClosed(monthBefore)).isNotEmpty();
                assertThat(updates.latest("monthly", lastMonth, "EUR")).isEqualTo(line(null, "EUR", "13.00", 2, "3.00", "10.00"));
                assertThat(updates.latest("category", lastMonth, "EUR")).isEqualTo(line(null, "EUR", "13.00", 2, "3.00", "10.00"));
                assertThat(updates.latest("summary", null, "EUR")).isEqualTo(line(null, "EUR", "21.00", 4, "1.00", "10.00"));
            });
        }

        assertThat(updates.monthClosed(future)).isEmpty();
        assertThat(updates.monthClosed(lastMonth)).singleElement().satisfies(closed -> {
            assertThat(closed.id()).isEqualTo(ReportEventIds.monthClosed(user, lastMonth.getYear(), lastMonth.getMonthValue()));
            assertThat(data(closed).timezone()).isEqualTo("Asia/Kolkata");
            // The summary is the month as the reports stood when it closed: the lines written before it.
            assertThat(data(closed).totals()).isNotEmpty()
                    .containsExactlyInAnyOrderElementsOf(updates.linesBefore(closed, "monthly", lastMonth));
            assertThat(data(closed).categories())
                    .containsExactlyInAnyOrderElementsOf(updates.linesBefore(closed, "category", lastMonth));
        });
        assertThat(updates.monthClosed(monthBefore)).singleElement()
                .satisfies(closed -> assertThat(data(closed).totals()).containsExactly(line(null, "EUR", "1.00", 1, "1.00", "1.00")));
    }

    private Event added(YearMonth month, String amount, String currency) {
        return Event.create(user, "it", new ExpenseAdded(UUID.randomUUID().toString(), 1, new BigDecimal(amount), currency,
                "x", null, month.atDay(15).atTime(12, 0).atZone(KOLKATA).toInstant(), null, List.of(), null));
    }

    private static ReportLine line(String categoryId, String currency, String total, long count, String min,
                                   String max) {
        return new ReportLine(categoryId, currency, new BigDecimal(total), count, new BigDecimal(min),
                new BigDecimal(max));
    }

    private void produce(Topic topic, List<Event> events) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, Event> producer =
                new KafkaProducer<>(config, new StringSerializer(), new EventSerde().serializer())) {
            events.forEach(event -> producer.send(new ProducerRecord<>(naming.topic(topic), event.userId(), event)));
            producer.flush();
        }
    }

    /** The committed {@code report.updated} events of the user, in the order of their (one) partition. */
    private final class Updates implements AutoCloseable {

        private final List<Event> events = new ArrayList<>();
        private final KafkaConsumer<String, Event> consumer;

        Updates() {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafkaBootstrapServers(),
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new EventSerde().deserializer());
            String topic = naming.topic(Topic.REPORTS_UPDATES);
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        void poll() {
            for (ConsumerRecord<String, Event> record : consumer.poll(Duration.ofMillis(200))) {
                assertThat(record.key()).isEqualTo(record.value().userId());
                events.add(record.value());
            }
        }

        List<Event> monthClosed(YearMonth month) {
            return events.stream().filter(e -> kind(e).equals("month-closed") && in(e, month)).toList();
        }

        /** The line of the latest update of this kind, month (null: all time) and currency; null if none. */
        ReportLine latest(String kind, YearMonth month, String currency) {
            return events.stream()
                    .filter(e -> kind(e).equals(kind) && (month == null || in(e, month))
                            && data(e).totals().get(0).currency().equals(currency))
                    .reduce((a, b) -> b).map(e -> data(e).totals().get(0)).orElse(null);
        }

        /** The latest line per bucket of the updates of this kind and month written before {@code event}, if live. */
        List<ReportLine> linesBefore(Event event, String kind, YearMonth month) {
            Map<String, ReportLine> latest = new java.util.LinkedHashMap<>();
            for (Event e : events.subList(0, events.indexOf(event))) {
                if (kind(e).equals(kind) && in(e, month)) {
                    ReportLine line = data(e).totals().get(0);
                    latest.put(line.categoryId() + "|" + line.currency(), line);
                }
            }
            return latest.values().stream().filter(line -> line.count() > 0).toList();
        }

        private boolean in(Event e, YearMonth month) {
            return Objects.equals(data(e).year(), month.getYear()) && Objects.equals(data(e).month(), month.getMonthValue());
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    private static ReportUpdated data(Event event) {
        return (ReportUpdated) event.data();
    }

    private static String kind(Event event) {
        return data(event).kind();
    }
}
