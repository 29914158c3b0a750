package io.ganaka.streams.reports;

import io.ganaka.schemas.CategoryTotal;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventSerde;
import io.ganaka.schemas.JsonSerde;
import io.ganaka.schemas.MonthlyTotal;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.SummaryTotal;
import io.ganaka.schemas.Topic;
import io.ganaka.streams.StreamsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;

/**
 * The aggregates topology in a test driver with in-memory stores and the production settings, plus the latest report
 * seen per bucket on each output topic (reports carry absolute values, so the last one counts). Reading reports first
 * lets a commit interval pass on the driver's clock, which is when the topology emits the reports that changed.
 */
final class AggregatesHarness implements AutoCloseable {

    private static final Duration COMMIT_INTERVAL = StreamsSettings.DEFAULT_COMMIT_INTERVAL;

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, Event> expenses;
    private final TestInputTopic<String, byte[]> rawExpenses;
    private final TestInputTopic<String, Event> users;
    private final TestOutputTopic<String, MonthlyTotal> monthly;
    private final TestOutputTopic<String, CategoryTotal> categories;
    private final TestOutputTopic<String, SummaryTotal> summaries;
    // Latest report per bucket, grouped by user so that one user's reports are found without scanning everyone's.
    private final Map<String, Map<MonthKey, MonthlyTotal>> latestMonthly = new HashMap<>();
    private final Map<String, Map<CategoryKey, CategoryTotal>> latestCategories = new HashMap<>();
    private final Map<String, Map<SummaryKey, SummaryTotal>> latestSummaries = new HashMap<>();

    AggregatesHarness(Path stateDir) {
        Naming naming = new Naming("topo");
        driver = new TopologyTestDriver(
                AggregatesTopology.build(naming, new BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers()),
                props(naming, stateDir));
        String input = naming.topic(Topic.EXPENSES_CATEGORIZED);
        expenses = driver.createInputTopic(input, new StringSerializer(), new EventSerde().serializer());
        rawExpenses = driver.createInputTopic(input, new StringSerializer(), new ByteArraySerializer());
        users = driver.createInputTopic(naming.topic(Topic.USERS), new StringSerializer(), new EventSerde().serializer());
        monthly = driver.createOutputTopic(naming.topic(Topic.REPORTS_MONTHLY), new StringDeserializer(),
                new JsonSerde<>(MonthlyTotal.class).deserializer());
        categories = driver.createOutputTopic(naming.topic(Topic.REPORTS_CATEGORIES), new StringDeserializer(),
                new JsonSerde<>(CategoryTotal.class).deserializer());
        summaries = driver.createOutputTopic(naming.topic(Topic.REPORTS_SUMMARY), new StringDeserializer(),
                new JsonSerde<>(SummaryTotal.class).deserializer());
    }

    private static Properties props(Naming naming, Path stateDir) {
        Properties props = StreamsSettings.singleBroker(naming, "unused:9092", stateDir).toProperties();
        // No record cache: each change of a report comes out at once, which is what these tests inspect.
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        return props;
    }

    /** Sends an event to the topic its type belongs on: user events to the users topic, the rest as categorized expenses. */
    void send(Event event) {
        if (event.eventType().domain().equals("user")) {
            users.pipeInput(event.userId(), event);
        } else {
            expenses.pipeInput(event.userId(), event);
        }
    }

    void sendRaw(String userId, byte[] bytes) {
        rawExpenses.pipeInput(userId, bytes);
    }

    /** Lets a commit interval pass, so that every report changed since the last one is emitted. */
    void passCommitInterval() {
        driver.advanceWallClockTime(COMMIT_INTERVAL);
    }

    /** Monthly records not read yet, with their keys; they also count towards {@link #monthlyTotals()}. */
    List<KeyValue<String, MonthlyTotal>> readMonthlyRecords() {
        passCommitInterval();
        List<KeyValue<String, MonthlyTotal>> records = monthly.readKeyValuesToList();
        records.forEach(kv -> latestMonthly.computeIfAbsent(kv.key, k -> new HashMap<>()).put(keyOf(kv.value), kv.value));
        return records;
    }

    /** Category records not read yet, with their keys; they also count towards {@link #categoryTotals()}. */
    List<KeyValue<String, CategoryTotal>> readCategoryRecords() {
        passCommitInterval();
        List<KeyValue<String, CategoryTotal>> records = categories.readKeyValuesToList();
        records.forEach(kv -> latestCategories.computeIfAbsent(kv.key, k -> new HashMap<>()).put(keyOf(kv.value), kv.value));
        return records;
    }

    /** Summary records not read yet, with their keys; they also count towards {@link #summaryTotals()}. */
    List<KeyValue<String, SummaryTotal>> readSummaryRecords() {
        passCommitInterval();
        List<KeyValue<String, SummaryTotal>> records = summaries.readKeyValuesToList();
        records.forEach(kv -> latestSummaries.computeIfAbsent(kv.key, k -> new HashMap<>()).put(keyOf(kv.value), kv.value));
        return records;
    }

    /** The latest monthly report per bucket of the given users (all users when none are given). */
    Map<MonthKey, MonthlyTotal> monthlyTotals(String... userIds) {
        readMonthlyRecords();
        return latestOf(latestMonthly, userIds);
    }

    /** The latest category report per bucket of the given users (all users when none are given). */
    Map<CategoryKey, CategoryTotal> categoryTotals(String... userIds) {
        readCategoryRecords();
        return latestOf(latestCategories, userIds);
    }

    /** The latest all-time report per bucket of the given users (all users when none are given). */
    Map<SummaryKey, SummaryTotal> summaryTotals(String... userIds) {
        readSummaryRecords();
        return latestOf(latestSummaries, userIds);
    }

    private static <K, R> Map<K, R> latestOf(Map<String, Map<K, R>> byUser, String... userIds) {
        Map<K, R> reports = new HashMap<>();
        Iterable<String> users = userIds.length == 0 ? byUser.keySet() : List.of(userIds);
        users.forEach(user -> reports.putAll(byUser.getOrDefault(user, Map.of())));
        return reports;
    }

    Optional<MonthlyTotal> monthly(String userId, int year, int month, String currency) {
        return Optional.ofNullable(monthlyTotals().get(new MonthKey(userId, year, month, currency)));
    }

    Optional<CategoryTotal> category(String userId, int year, int month, String categoryId, String currency) {
        return Optional.ofNullable(categoryTotals().get(new CategoryKey(userId, year, month, categoryId, currency)));
    }

    Optional<SummaryTotal> summary(String userId, String currency) {
        return Optional.ofNullable(summaryTotals().get(new SummaryKey(userId, currency)));
    }

    static MonthKey keyOf(MonthlyTotal total) {
        return new MonthKey(total.userId(), total.year(), total.month(), total.currency());
    }

    static CategoryKey keyOf(CategoryTotal total) {
        return new CategoryKey(total.userId(), total.year(), total.month(), total.categoryId(), total.currency());
    }

    static SummaryKey keyOf(SummaryTotal total) {
        return new SummaryKey(total.userId(), total.currency());
    }

    @Override
    public void close() {
        driver.close();
    }
}
