package io.ganaka.bridge;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventCodec;
import io.ganaka.schemas.EventDecodingException;
import io.ganaka.schemas.EventType;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.Topic;
import io.nats.client.impl.Headers;

/**
 * Decides the Kafka topic and key of a JetStream message. Headers set by the API are enough on the fast path; the
 * body is decoded only when a header is missing, and a message that still cannot be routed goes to the DLQ.
 */
final class EventRouter {

    static final String MSG_ID_HEADER = "Nats-Msg-Id";
    static final String USER_ID_HEADER = "Ganaka-User-Id";
    static final String EVENT_TYPE_HEADER = "Ganaka-Event-Type";

    private final Naming naming;
    private final String subjectBase;

    EventRouter(Naming naming) {
        this.naming = naming;
        String filter = naming.eventSubjects();
        // "…ganaka.events.>" without the wildcard: what precedes the wire type in every event subject.
        this.subjectBase = filter.substring(0, filter.length() - 1);
    }

    Route route(String subject, Headers headers, byte[] body) {
        String typeName = header(headers, EVENT_TYPE_HEADER);
        if (typeName == null && subject != null && subject.startsWith(subjectBase)) {
            typeName = subject.substring(subjectBase.length());
        }
        String userId = header(headers, USER_ID_HEADER);
        String eventId = header(headers, MSG_ID_HEADER);
        if (typeName == null || userId == null) {
            Event event;
            try {
                event = EventCodec.decode(body);
            } catch (EventDecodingException e) {
                return deadLetter("undecodable event: " + e.getMessage(), userId, typeName);
            }
            typeName = typeName == null ? event.type() : typeName;
            userId = userId == null ? event.userId() : userId;
            eventId = eventId == null ? event.id() : eventId;
        }
        EventType type = EventType.fromWireName(typeName).orElse(null);
        if (type == null) {
            return deadLetter("unknown event type: " + typeName, userId, typeName);
        }
        Topic topic;
        try {
            topic = Topic.inputFor(type);
        } catch (IllegalArgumentException e) {
            // A known type that has no input topic yet: routing it anywhere else would be a guess.
            return deadLetter(e.getMessage(), userId, typeName);
        }
        return new Route.Forward(naming.topic(topic), userId, eventId, typeName);
    }

    private Route deadLetter(String reason, String userId, String typeName) {
        return new Route.DeadLetter(naming.topic(Topic.DLQ), reason, userId, typeName);
    }

    private static String header(Headers headers, String name) {
        if (headers == null) {
            return null;
        }
        String value = headers.getFirst(name);
        return value == null || value.isBlank() ? null : value;
    }
}
