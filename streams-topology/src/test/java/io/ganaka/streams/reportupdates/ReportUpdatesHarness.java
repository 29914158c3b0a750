package io.ganaka.streams.reportupdates;

import io.ganaka.schemas.CategoryTotal;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload.ReportLine;
import io.ganaka.schemas.EventPayload.ReportUpdated;
import io.ganaka.schemas.EventSerde;
import io.ganaka.schemas.JsonSerde;
import io.ganaka.schemas.MonthlyTotal;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.SummaryTotal;
import io.ganaka.schemas.Topic;
import io.ganaka.streams.StreamsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The report updates topology in a test driver with in-memory stores and the production properties, with a wall
 * clock the test moves on.
 */
final class ReportUpdatesHarness implements AutoCloseable {

    static final String SUFFIX = "alerts";

    private final Naming naming = new Naming("rupd");
    private final StreamsSettings streams;
    private final TopologyTestDriver driver;
    private final TestOutputTopic<String, Event> updates;
    private Instant wallClock;
    private Instant recordClock = Instant.parse("2026-03-01T00:00:00Z");

    ReportUpdatesHarness(Path stateDir, MonthCloseSettings settings, Instant wallClock) {
        this.wallClock = wallClock;
        streams = StreamsSettings.singleBroker(naming, "unused:9092", stateDir);
        Properties props = streams.toProperties(SUFFIX);
        driver = new TopologyTestDriver(ReportUpdatesTopology.build(naming,
                new BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers(), settings), props, wallClock);
        updates = driver.createOutputTopic(naming.topic(Topic.REPORTS_UPDATES), new StringDeserializer(),
                new EventSerde().deserializer());
    }

    void send(Event userEvent) {
        driver.createInputTopic(naming.topic(Topic.USERS), new StringSerializer(), new EventSerde().serializer())
                .pipeInput(userEvent.userId(), userEvent, tick());
    }

    void send(MonthlyTotal total) {
        pipe(Topic.REPORTS_MONTHLY, total.userId(), total, new JsonSerde<>(MonthlyTotal.class), tick());
    }

    void send(CategoryTotal total) {
        pipe(Topic.REPORTS_CATEGORIES, total.userId(), total, new JsonSerde<>(CategoryTotal.class), tick());
    }

    void send(SummaryTotal total) {
        pipe(Topic.REPORTS_SUMMARY, total.userId(), total, new JsonSerde<>(SummaryTotal.class), tick());
    }

    /** Sends a monthly total with a record timestamp of the test's choosing. */
    void send(MonthlyTotal total, Instant timestamp) {
        pipe(Topic.REPORTS_MONTHLY, total.userId(), total, new JsonSerde<>(MonthlyTotal.class), timestamp);
    }

    /** Sends bytes that are not what the topic holds. */
    void sendRaw(Topic topic, String key, byte[] bytes) {
        driver.createInputTopic(naming.topic(topic), new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer()).pipeInput(key, bytes, tick());
    }

    /** Moves the wall clock to {@code instant}, running the punctuators that fall due. */
    void clockAt(Instant instant) {
        driver.advanceWallClockTime(Duration.between(wallClock, instant));
        wallClock = instant;
    }

    Instant clock() {
        return wallClock;
    }

    /** Every event written since the last read. */
    List<KeyValue<String, Event>> read() {
        return updates.readKeyValuesToList();
    }

    /** The month-closed summaries written since the last read (other updates are read and dropped). */
    List<Event> monthClosed() {
        return read().stream().map(kv -> kv.value)
                .filter(event -> ((ReportUpdated) event.data()).kind().equals(MonthCloseProcessor.KIND))
                .toList();
    }

    /** Everything a store holds, as a test sees state. */
    <V> List<KeyValue<String, V>> store(String name) {
        KeyValueStore<String, V> store = driver.getKeyValueStore(name);
        try (var all = store.all()) {
            List<KeyValue<String, V>> entries = new java.util.ArrayList<>();
            all.forEachRemaining(entries::add);
            return entries;
        }
    }

    /** The records this driver wrote to the changelog of a store: what a restarted client restores it from. */
    <V> List<KeyValue<String, V>> changelog(String store, Serde<V> values) {
        String topic = streams.applicationId(SUFFIX) + "-" + store + "-changelog";
        return driver.createOutputTopic(topic, new StringDeserializer(), values.deserializer()).readKeyValuesToList();
    }

    /** Restores a store from changelog records, as a client restarting with this application id would. */
    <V> void restore(String store, List<KeyValue<String, V>> changelog) {
        KeyValueStore<String, V> target = driver.getKeyValueStore(store);
        changelog.forEach(record -> {
            if (record.value == null) {
                target.delete(record.key);
            } else {
                target.put(record.key, record.value);
            }
        });
    }

    private <V> void pipe(Topic topic, String key, V value, Serde<V> serde, Instant timestamp) {
        driver.createInputTopic(naming.topic(topic), new StringSerializer(), serde.serializer())
                .pipeInput(key, value, timestamp);
    }

    private Instant tick() {
        recordClock = recordClock.plusSeconds(1);
        return recordClock;
    }

    static ReportLine line(String categoryId, String currency, String total, long count) {
        return new ReportLine(categoryId, currency, new java.math.BigDecimal(total), count, null, null);
    }

    @Override
    public void close() {
        driver.close();
    }
}
