package io.ganaka.api;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventCodec;
import io.ganaka.schemas.EventType;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.MessageInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * The events a test's stream holds, read by sequence number: all of a user's, or those stored after a mark. Writes
 * answer only after their events are durable, so whatever a test expects is already there when the response
 * arrives: no waiting, no polling.
 */
final class StoredEvents {

    private final RunningApi api;

    StoredEvents(RunningApi api) {
        this.api = api;
    }

    /** Every event of a user in the stream of {@code api}, oldest first. */
    static List<Event> of(RunningApi api, String userId) throws Exception {
        JetStreamManagement jsm = api.nats.jetStreamManagement();
        String stream = api.naming.streamName();
        var state = jsm.getStreamInfo(stream).getStreamState();
        List<Event> events = new ArrayList<>();
        for (long seq = state.getFirstSequence(); seq <= state.getLastSequence() && state.getMsgCount() > 0; seq++) {
            MessageInfo message = jsm.getMessage(stream, seq);
            if (userId.equals(message.getHeaders().getFirst("Ganaka-User-Id"))) {
                events.add(EventCodec.decode(message.getData()));
            }
        }
        return events;
    }

    /** The events of one type of a user, oldest first. */
    static List<Event> of(RunningApi api, EventType type, String userId) throws Exception {
        return of(api, userId).stream().filter(e -> e.eventType() == type).toList();
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
