package io.ganaka.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every event type has a golden sample that matches its JSON Schema and survives a decode/encode round trip. */
class GoldenEventsTest {

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @ParameterizedTest
    @EnumSource(EventType.class)
    void goldenSampleRoundTripsUnchanged(EventType type) throws IOException {
        byte[] golden = golden(type);

        Event event = EventCodec.decode(golden);

        assertThat(event.eventType()).isEqualTo(type);
        assertThat(Json.MAPPER.readTree(EventCodec.encode(event))).isEqualTo(Json.MAPPER.readTree(golden));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void goldenSampleMatchesEnvelopeAndPayloadSchemas(EventType type) throws IOException {
        JsonNode sample = Json.MAPPER.readTree(golden(type));

        assertThat(schema("envelope").validate(sample)).isEmpty();
        assertThat(schema(type.wireName()).validate(sample.get("data"))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void encodedFreshEventMatchesItsSchema(EventType type) throws IOException {
        Event decoded = EventCodec.decode(golden(type));
        Event fresh = Event.create(decoded.userId(), "corr", decoded.data());

        JsonNode encoded = Json.MAPPER.readTree(EventCodec.encode(fresh));

        assertThat(schema("envelope").validate(encoded)).isEmpty();
        assertThat(schema(type.wireName()).validate(encoded.get("data"))).isEmpty();
    }

    private static byte[] golden(EventType type) throws IOException {
        try (InputStream in = GoldenEventsTest.class.getResourceAsStream("/golden/" + type.wireName() + ".json")) {
            assertThat(in).as("golden sample for %s", type.wireName()).isNotNull();
            return in.readAllBytes();
        }
    }

    private static JsonSchema schema(String name) throws IOException {
        try (InputStream in = Event.class.getResourceAsStream("json/" + name + ".schema.json")) {
            assertThat(in).as("schema %s", name).isNotNull();
            return SCHEMAS.getSchema(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
