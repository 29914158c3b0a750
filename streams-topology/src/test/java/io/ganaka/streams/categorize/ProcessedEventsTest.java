package io.ganaka.streams.categorize;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventSerde;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.Topic;
import io.ganaka.streams.ProcessedEvents;
import io.ganaka.streams.StreamsSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessedEventsTest {

    @TempDir
    Path stateDir;

    @Test
    void countsTheEventsTheCategorizationTakesInByTypeIncludingDuplicatesItThenDrops() {
        Naming naming = new Naming("processed");
        ProcessedEvents processed = new ProcessedEvents();
        String user = UUID.randomUUID().toString();
        Event added = TestEvents.added(user, "coffee");
        try (TopologyTestDriver driver = new TopologyTestDriver(
                CategorizationTopology.build(naming, new BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers(), processed),
                StreamsSettings.singleBroker(naming, "unused:9092", stateDir).toProperties("categorize"))) {
            send(driver, naming, TestEvents.registered(user));
            send(driver, naming, added);
            send(driver, naming, added);
            send(driver, naming, TestEvents.deleted(user, UUID.randomUUID().toString(), 2));
        }

        assertThat(processed.snapshot()).isEqualTo(Map.of(
                new ProcessedEvents.Key("categorize", "user.registered"), 1L,
                new ProcessedEvents.Key("categorize", "expense.added"), 2L,
                new ProcessedEvents.Key("categorize", "expense.deleted"), 1L));
    }

    private static void send(TopologyTestDriver driver, Naming naming, Event event) {
        driver.createInputTopic(naming.topic(Topic.inputFor(event.eventType())), new StringSerializer(),
                new EventSerde().serializer()).pipeInput(event.userId(), event);
    }
}
