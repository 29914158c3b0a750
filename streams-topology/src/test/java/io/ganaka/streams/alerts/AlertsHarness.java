package io.ganaka.streams.alerts;

import io.ganaka.schemas.CategoryTotal;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload.AlertRaised;
import io.ganaka.schemas.EventSerde;
import io.ganaka.schemas.JsonSerde;
import io.ganaka.schemas.MonthlyTotal;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.Topic;
import io.ganaka.streams.StreamsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;

/** The alerts topology in a test driver with in-memory stores, the given (or default) settings and the production properties. */
final class AlertsHarness implements AutoCloseable {

    private final Naming naming = new Naming("alrt");
    private final TopologyTestDriver driver;
    private final TestOutputTopic<String, Event> alerts;
    private Instant clock = Instant.parse("2026-03-15T08:00:00Z");

    AlertsHarness(Path stateDir) {
        this(stateDir, AlertSettings.defaults());
    }

    AlertsHarness(Path stateDir, AlertSettings settings) {
        driver = new TopologyTestDriver(
                AlertsTopology.build(naming, new BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers(), settings),
                StreamsSettings.singleBroker(naming, "unused:9092", stateDir).toProperties("alerts"));
        alerts = driver.createOutputTopic(naming.topic(Topic.ALERTS), new StringDeserializer(),
                new EventSerde().deserializer());
    }

    /** Sends a user event to {@code ganaka.users}, a category/budget event to {@code ganaka.categories}. */
    void send(Event event) {
        Topic topic = switch (event.eventType().domain()) {
            case "user" -> Topic.USERS;
            case "expense" -> Topic.EXPENSES_CATEGORIZED;
            default -> Topic.CATEGORIES;
        };
        driver.createInputTopic(naming.topic(topic), new StringSerializer(), new EventSerde().serializer())
                .pipeInput(event.userId(), event, tick());
    }

    void send(CategoryTotal total) {
        driver.createInputTopic(naming.topic(Topic.REPORTS_CATEGORIES), new StringSerializer(),
                new JsonSerde<>(CategoryTotal.class).serializer()).pipeInput(total.userId(), total, tick());
    }

    void send(MonthlyTotal total) {
        driver.createInputTopic(naming.topic(Topic.REPORTS_MONTHLY), new StringSerializer(),
                new JsonSerde<>(MonthlyTotal.class).serializer()).pipeInput(total.userId(), total, tick());
    }

    void sendRaw(Topic topic, String userId, byte[] bytes) {
        driver.createInputTopic(naming.topic(topic), new StringSerializer(), new ByteArraySerializer())
                .pipeInput(userId, bytes, tick());
    }

    /** Lets the wall clock pass, so adds left waiting for a categorization are judged. */
    void waitForPendingAdds() {
        driver.advanceWallClockTime(ExpenseAlertProcessor.PENDING_WAIT.multipliedBy(2));
    }

    List<KeyValue<String, Event>> read() {
        return alerts.readKeyValuesToList();
    }

    /** The alerts raised since the last read. */
    List<AlertRaised> readAlerts() {
        return read().stream().map(kv -> (AlertRaised) kv.value.data()).toList();
    }

    private Instant tick() {
        clock = clock.plus(Duration.ofSeconds(1));
        return clock;
    }

    @Override
    public void close() {
        driver.close();
    }
}
