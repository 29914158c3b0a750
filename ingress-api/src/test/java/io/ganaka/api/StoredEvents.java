package io.ganaka.api;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventCodec;
import io.ganaka.schemas.EventType;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.MessageInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * The events a test's stream holds, read by sequence number. Synchronous writes answer only after their events are
 * durable, so whatever a test expects is already there when the response arrives: no waiting, no polling.
 */
final class StoredEvents {

    private StoredEvents() {}

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
}
