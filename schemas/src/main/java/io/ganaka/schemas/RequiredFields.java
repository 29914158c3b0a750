package io.ganaka.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The fields each event type's {@code data} must carry, read from its JSON Schema's {@code required} list. Decoding
 * checks them so that an event missing its amount or id is refused (and dead-lettered) by the first consumer that
 * reads it, not left to break or be silently skipped by a processor further on. Full schema validation stays in the
 * tests: this is the cheap part every consumer can afford on every event.
 */
final class RequiredFields {

    private static final Map<EventType, List<String>> REQUIRED = load();

    private RequiredFields() {}

    /** @throws EventDecodingException naming the first required field that is absent or null */
    static void check(EventType type, JsonNode data) {
        for (String field : REQUIRED.get(type)) {
            JsonNode value = data.get(field);
            if (value == null || value.isNull()) {
                throw new EventDecodingException("event " + type.wireName() + " lacks its required field '" + field
                        + "'");
            }
        }
    }

    private static Map<EventType, List<String>> load() {
        Map<EventType, List<String>> required = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            String resource = "json/" + type.wireName() + ".schema.json";
            try (InputStream in = RequiredFields.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("no JSON Schema for " + type.wireName() + " at " + resource);
                }
                JsonNode schema = Json.MAPPER.readTree(in);
                List<String> fields = new ArrayList<>();
                schema.path("required").forEach(field -> {
                    // Every required field is non-null in our schemas; one that allowed null would be checked for
                    // presence only, and the schema test would have to say so.
                    if (!allowsNull(schema.path("properties").path(field.asText()))) {
                        fields.add(field.asText());
                    }
                });
                required.put(type, List.copyOf(fields));
            } catch (IOException e) {
                throw new UncheckedIOException("unreadable JSON Schema " + resource, e);
            }
        }
        return required;
    }

    private static boolean allowsNull(JsonNode property) {
        JsonNode type = property.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if ("null".equals(t.asText())) {
                    return true;
                }
            }
        }
        for (JsonNode value : property.path("enum")) {
            if (value.isNull()) {
                return true;
            }
        }
        return false;
    }
}
