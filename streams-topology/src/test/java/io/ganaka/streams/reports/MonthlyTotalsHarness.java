package io.ganaka.streams.reports;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventSerde;
import io.ganaka.schemas.JsonSerde;
import io.ganaka.schemas.MonthlyTotal;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.Topic;
import io.ganaka.streams.StreamsSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;

/**
 * The monthly totals topology in a test driver with in-memory stores and the production settings, plus the latest
 * total seen per user, month and currency (the output carries absolute values, so the last one counts).
 */
final class MonthlyTotalsHarness implements AutoCloseable {

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, Event> expenses;
    private final TestInputTopic<String, byte[]> rawExpenses;
    private final TestOutputTopic<String, MonthlyTotal> reports;
    private final Map<MonthKey, MonthlyTotal> latest = new HashMap<>();

    MonthlyTotalsHarness(Path stateDir) {
        Naming naming = new Naming("topo");
        driver = new TopologyTestDriver(
                MonthlyTotalsTopology.build(naming, new BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers()),
                StreamsSettings.singleBroker(naming, "unused:9092", stateDir).toProperties());
        String input = naming.topic(Topic.EXPENSES);
        expenses = driver.createInputTopic(input, new StringSerializer(), new EventSerde().serializer());
        rawExpenses = driver.createInputTopic(input, new StringSerializer(), new ByteArraySerializer());
        reports = driver.createOutputTopic(naming.topic(Topic.REPORTS_MONTHLY), new StringDeserializer(),
                new JsonSerde<>(MonthlyTotal.class).deserializer());
    }

    void send(Event event) {
        expenses.pipeInput(event.userId(), event);
    }

    void sendRaw(String userId, byte[] bytes) {
        rawExpenses.pipeInput(userId, bytes);
    }

    /** Output records not read yet, with their keys; they also count towards {@link #latestTotals()}. */
    List<KeyValue<String, MonthlyTotal>> readRecords() {
        List<KeyValue<String, MonthlyTotal>> records = reports.readKeyValuesToList();
        records.forEach(kv -> remember(kv.value));
        return records;
    }

    Map<MonthKey, MonthlyTotal> latestTotals() {
        reports.readValuesToList().forEach(this::remember);
        return Map.copyOf(latest);
    }

    Optional<MonthlyTotal> total(String userId, int year, int month, String currency) {
        return Optional.ofNullable(latestTotals().get(new MonthKey(userId, year, month, currency)));
    }

    private void remember(MonthlyTotal total) {
        latest.put(new MonthKey(total.userId(), total.year(), total.month(), total.currency()), total);
    }

    @Override
    public void close() {
        driver.close();
    }
}
