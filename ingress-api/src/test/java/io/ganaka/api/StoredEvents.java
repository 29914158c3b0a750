package io.ganaka.api;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventCodec;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.MessageInfo;
import java.util.ArrayList;
import java.util.List;

/** Reads back what an API published, from its JetStream stream, for ITs that assert on events. */
final class StoredEvents {

    private final RunningApi api;

    StoredEvents(RunningApi api) {
        this.api = api;
    }

    /** The stream's sequence now; events published later have higher sequences. */
    long mark() throws Exception {
        return api.nats.jetStreamManagement().getStreamInfo(api.naming.streamName()).getStreamState().getLastSequence();
    }

    /** Every event stored after {@code mark}, in stream order. */
    List<Event> since(long mark) throws Exception {
        JetStreamManagement jsm = api.nats.jetStreamManagement();
        long last = mark();
        List<Event> events = new ArrayList<>();
        for (long seq = mark + 1; seq <= last; seq++) {
            MessageInfo message = jsm.getMessage(api.naming.streamName(), seq);
            events.add(EventCodec.decode(message.getData()));
        }
        return events;
    }

    /** The one event stored after {@code mark}; fails when there is none or more than one. */
    Event single(long mark) throws Exception {
        List<Event> events = since(mark);
        if (events.size() != 1) {
            throw new AssertionError("expected exactly one event after sequence " + mark + ", got " + events);
        }
        return events.get(0);
    }
}
