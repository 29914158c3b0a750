package io.ganaka.streams.categorize;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventSerde;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.Topic;
import io.ganaka.streams.StreamsSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;

/** The categorization topology in a test driver with in-memory stores and the production settings. */
final class CategorizationHarness implements AutoCloseable {

    private final Naming naming = new Naming("topo");
    private final TopologyTestDriver driver;
    private final TestOutputTopic<String, Event> categorized;

    CategorizationHarness(Path stateDir) {
        driver = new TopologyTestDriver(
                CategorizationTopology.build(naming, new BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers()),
                StreamsSettings.singleBroker(naming, "unused:9092", stateDir).toProperties("categorize"));
        categorized = driver.createOutputTopic(naming.topic(Topic.EXPENSES_CATEGORIZED), new StringDeserializer(),
                new EventSerde().deserializer());
    }

    /** Sends the event to the input topic of its domain (as the bridge does), keyed by its user. */
    void send(Event event) {
        send(event, Instant.now());
    }

    void send(Event event, Instant recordTime) {
        TestInputTopic<String, Event> input = driver.createInputTopic(naming.topic(Topic.inputFor(event.eventType())),
                new StringSerializer(), new EventSerde().serializer());
        input.pipeInput(event.userId(), event, recordTime);
    }

    void sendRaw(Topic topic, String userId, byte[] bytes) {
        driver.createInputTopic(naming.topic(topic), new StringSerializer(), new ByteArraySerializer())
                .pipeInput(userId, bytes);
    }

    /** Everything written to {@code ganaka.expenses.categorized} since the last call. */
    List<KeyValue<String, Event>> read() {
        return categorized.readKeyValuesToList();
    }

    List<Event> readEvents() {
        return read().stream().map(kv -> kv.value).toList();
    }

    @Override
    public void close() {
        driver.close();
    }
}
