package io.ganaka.streams.categorize;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The deduplicator alone, between a source and a sink (its window store needs a real store context). */
class EventDeduplicatorTest {

    private static final Instant T0 = Instant.parse("2026-03-15T08:00:00Z");

    private final TopologyTestDriver driver = new TopologyTestDriver(deduplicatorOnly(), config());
    private final TestInputTopic<String, Event> in =
            driver.createInputTopic("in", new StringSerializer(), new EventSerde().serializer());
    private final TestOutputTopic<String, Event> out =
            driver.createOutputTopic("out", new StringDeserializer(), new EventSerde().deserializer());
    private final String user = TestEvents.newUser();

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void forwardsDistinctEventsInTheirOrder() {
        Event first = TestEvents.added(user, "Lunch");
        Event second = TestEvents.added(user, "Dinner");

        in.pipeInput(user, first, T0);
        in.pipeInput(user, second, T0);

        assertThat(out.readValuesToList()).containsExactly(first, second);
    }

    @Test
    void dropsTheSameIdWithinTwentyFourHoursEvenWithOtherContent() {
        Event event = TestEvents.added(user, "Lunch");
        Event sameId = new Event(event.id(), event.type(), event.schemaVersion(), event.occurredAt(), user, "other",
                event.data());

        in.pipeInput(user, event, T0);
        in.pipeInput(user, sameId, T0.plus(Duration.ofHours(23)));

        assertThat(out.readValuesToList()).containsExactly(event);
    }

    @Test
    void dropsADuplicateThatCarriesAnEarlierTimestamp() {
        Event event = TestEvents.added(user, "Lunch");

        in.pipeInput(user, event, T0);
        in.pipeInput(user, event, T0.minus(Duration.ofHours(1)));

        assertThat(out.readValuesToList()).containsExactly(event);
    }

    @Test
    void forwardsTheSameIdAgainAfterTwentyFourHours() {
        Event event = TestEvents.added(user, "Lunch");

        in.pipeInput(user, event, T0);
        in.pipeInput(user, event, T0.plus(Duration.ofHours(25)));

        assertThat(out.readValuesToList()).containsExactly(event, event);
    }

    @Test
    void ignoresATombstone() {
        in.pipeInput(user, null, T0);

        assertThat(out.readValuesToList()).isEmpty();
    }

    private static Topology deduplicatorOnly() {
        Topology topology = new Topology();
        topology.addSource("in", Serdes.String().deserializer(), new EventSerde().deserializer(), "in");
        topology.addProcessor("dedupe", () -> new EventDeduplicator("seen"), "in");
        topology.addStateStore(Stores.windowStoreBuilder(
                Stores.inMemoryWindowStore("seen", EventDeduplicator.WINDOW, EventDeduplicator.WINDOW, false),
                Serdes.String(), Serdes.Long()), "dedupe");
        topology.addSink("out", "out", Serdes.String().serializer(), new EventSerde().serializer(), "dedupe");
        return topology;
    }

    private static Properties config() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dedupe-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return props;
    }
}
