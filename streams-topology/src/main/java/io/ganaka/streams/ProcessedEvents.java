package io.ganaka.streams;

import io.ganaka.schemas.Event;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * How many events each Kafka Streams client of the role took in from its input topics, by event type. Counted where a
 * source decodes a record, so a record read again after an aborted exactly-once transaction counts again: this is
 * work done, not a count of distinct events.
 */
public final class ProcessedEvents {

    /** One series: a client (its display name, e.g. {@code categorize}) and an event type wire name. */
    public record Key(String application, String type) {}

    private final ConcurrentMap<Key, LongAdder> counts = new ConcurrentHashMap<>();

    /** {@code inner}, counting every event it decodes for {@code application}. */
    public Deserializer<Event> counting(String application, Deserializer<Event> inner) {
        return (topic, bytes) -> {
            Event event = inner.deserialize(topic, bytes);
            if (event != null) {
                counts.computeIfAbsent(new Key(application, event.type()), key -> new LongAdder()).increment();
            }
            return event;
        };
    }

    /** A serde of {@code events} whose deserializer counts for {@code application}. */
    public Serde<Event> counting(String application, Serde<Event> events) {
        return Serdes.serdeFrom(events.serializer(), counting(application, events.deserializer()));
    }

    /** The counts so far; types come from decoded events, which only know the closed set of event types. */
    public Map<Key, Long> snapshot() {
        return counts.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().sum()));
    }
}
