package io.ganaka.schemas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;

/** Encodes events to JSON bytes and back; the payload record is chosen by the envelope's {@code type}. */
public final class EventCodec {

    private EventCodec() {}

    public static byte[] encode(Event event) {
        try {
            return Json.MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            // Only possible for a payload Jackson cannot describe: a programming error, not bad input.
            throw new IllegalStateException("cannot encode event " + event.id(), e);
        }
    }

    /**
     * @throws EventDecodingException when the bytes are not a well-formed event of a known type, or its data lacks a
     *     field its JSON Schema requires
     */
    public static Event decode(byte[] bytes) {
        if (bytes == null) {
            throw new EventDecodingException("null event body");
        }
        try {
            JsonNode root = Json.MAPPER.readTree(bytes);
            if (!(root instanceof ObjectNode envelope)) {
                throw new EventDecodingException("event is not a JSON object");
            }
            String typeName = text(envelope, "type");
            EventType type = EventType.fromWireName(typeName)
                    .orElseThrow(() -> new EventDecodingException("unknown event type: " + typeName));
            JsonNode data = envelope.get("data");
            if (data == null || !data.isObject()) {
                throw new EventDecodingException("event " + typeName + " has no data object");
            }
            RequiredFields.check(type, data);
            EventPayload payload = Json.MAPPER.treeToValue(data, type.payloadType());
            JsonNode version = envelope.get("schemaVersion");
            JsonNode correlation = envelope.get("correlationId");
            return new Event(
                    text(envelope, "id"),
                    typeName,
                    version == null ? Event.CURRENT_SCHEMA_VERSION : version.asInt(),
                    Instant.parse(text(envelope, "occurredAt")),
                    text(envelope, "userId"),
                    correlation == null || correlation.isNull() ? null : correlation.asText(),
                    payload);
        } catch (EventDecodingException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new EventDecodingException("malformed event: " + e.getMessage(), e);
        }
    }

    private static String text(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new EventDecodingException("event field '" + field + "' is missing or not a string");
        }
        return value.asText();
    }
}
