package io.ganaka.streams.categorize;

import io.ganaka.schemas.Event;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Drops events whose id was seen within {@link #WINDOW} (by record time), so the bridge's at-least-once delivery
 * becomes effectively-once downstream. Seen ids live in a window store with a changelog, whose retention forgets them
 * after the window; the store and the output commit together under exactly-once.
 */
public final class EventDeduplicator implements Processor<String, Event, String, Event> {

    public static final Duration WINDOW = Duration.ofHours(24);

    private final String storeName;
    private ProcessorContext<String, Event> context;
    private WindowStore<String, Long> seen;

    public EventDeduplicator(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, Event> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, Event> record) {
        Event event = record.value();
        if (event == null) {
            return; // a tombstone is no event; nothing downstream could use it
        }
        long at = record.timestamp();
        if (seenWithinWindow(event.id(), at)) {
            return;
        }
        seen.put(event.id(), at, at);
        context.forward(record);
    }

    private boolean seenWithinWindow(String eventId, long at) {
        long window = WINDOW.toMillis();
        // Both directions: a duplicate may carry an earlier timestamp than the copy that was kept.
        try (WindowStoreIterator<Long> hits = seen.fetch(eventId, Math.max(0, at - window), at + window)) {
            return hits.hasNext();
        }
    }
}
