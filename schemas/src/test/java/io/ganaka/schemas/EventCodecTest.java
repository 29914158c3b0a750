package io.ganaka.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    @Test
    void keepsAmountsAsExactDecimalStrings() {
        var added = new EventPayload.ExpenseAdded(EventIds.newId(), 1, new BigDecimal("0.10"), "EUR", "gum", null,
                Instant.parse("2026-01-01T00:00:00Z"), null, List.of(), null);

        String json = new String(EventCodec.encode(Event.create("u1", "c1", added)), StandardCharsets.UTF_8);

        assertThat(json).contains("\"amount\":\"0.10\"");
        assertThat(((EventPayload.ExpenseAdded) EventCodec.decode(json.getBytes(StandardCharsets.UTF_8)).data()).amount())
                .isEqualByComparingTo("0.10");
    }

    @Test
    void toleratesUnknownFields() {
        String json = "{\"id\":\"e1\",\"type\":\"user.logged_in\",\"schemaVersion\":2,\"occurredAt\":\"2026-01-01T00:00:00Z\","
                + "\"userId\":\"u1\",\"future\":true,\"data\":{\"method\":\"password\",\"extra\":1}}";

        Event event = EventCodec.decode(json.getBytes(StandardCharsets.UTF_8));

        assertThat(event.data()).isEqualTo(new EventPayload.UserLoggedIn("password"));
        assertThat(event.schemaVersion()).isEqualTo(2);
    }

    @Test
    void rejectsUnknownEventType() {
        String json = "{\"id\":\"e1\",\"type\":\"expense.exploded\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"userId\":\"u1\",\"data\":{}}";

        assertThatThrownBy(() -> EventCodec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("unknown event type");
    }

    @Test
    void rejectsGarbageAsDecodingError() {
        assertThatThrownBy(() -> EventCodec.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class);
        assertThatThrownBy(() -> EventCodec.decode("[1,2]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class);
    }

    @Test
    void rejectsAnEventWhoseDataLacksOrNullsAFieldItsSchemaRequires() {
        String missing = expenseAdded("\"expenseId\":\"x1\",\"expenseVersion\":1,\"currency\":\"EUR\","
                + "\"description\":\"gum\",\"occurredAt\":\"2026-01-01T00:00:00Z\"");
        String nulled = expenseAdded("\"expenseId\":\"x1\",\"expenseVersion\":1,\"amount\":null,"
                + "\"currency\":\"EUR\",\"description\":\"gum\",\"occurredAt\":\"2026-01-01T00:00:00Z\"");

        for (String json : List.of(missing, nulled, expenseAdded(""))) {
            assertThatThrownBy(() -> EventCodec.decode(json.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(EventDecodingException.class)
                    .hasMessageContaining("event expense.added lacks its required field '");
        }
        assertThatThrownBy(() -> EventCodec.decode(missing.getBytes(StandardCharsets.UTF_8)))
                .hasMessage("event expense.added lacks its required field 'amount'");
    }

    @Test
    void acceptsAnEventWithoutItsOptionalFields() {
        String json = expenseAdded("\"expenseId\":\"x1\",\"expenseVersion\":1,\"amount\":\"2.50\","
                + "\"currency\":\"EUR\",\"description\":\"gum\",\"occurredAt\":\"2026-01-01T00:00:00Z\","
                + "\"merchant\":null");

        var added = (EventPayload.ExpenseAdded) EventCodec.decode(json.getBytes(StandardCharsets.UTF_8)).data();

        assertThat(added.merchant()).isNull();
        assertThat(added.categoryId()).isNull();
        assertThat(added.tags()).isEmpty();
    }

    @Test
    void everyEventTypeRefusesDataWithoutItsRequiredFields() {
        for (EventType type : EventType.values()) {
            // Each type has a schema to read its required fields from; decoding a type without one would fail first.
            String json = "{\"id\":\"e1\",\"type\":\"" + type.wireName() + "\",\"occurredAt\":"
                    + "\"2026-01-01T00:00:00Z\",\"userId\":\"u1\",\"data\":{}}";
            assertThatThrownBy(() -> EventCodec.decode(json.getBytes(StandardCharsets.UTF_8)))
                    .as(type.wireName())
                    .hasMessageStartingWith("event " + type.wireName() + " lacks its required field");
        }
    }

    private static String expenseAdded(String data) {
        return "{\"id\":\"e1\",\"type\":\"expense.added\",\"occurredAt\":\"2026-01-01T00:00:00Z\","
                + "\"userId\":\"u1\",\"data\":{" + data + "}}";
    }

    @Test
    void rejectsEnvelopeWhoseTypeDisagreesWithPayload() {
        assertThatThrownBy(() -> new Event("e1", "user.registered", 1, Instant.now(), "u1", null,
                        new EventPayload.UserLoggedIn("password")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void newIdsAreVersionSevenUuidsInCreationOrder() {
        String first = EventIds.newId();
        String second = EventIds.newId();

        assertThat(java.util.UUID.fromString(first).version()).isEqualTo(7);
        assertThat(second).isGreaterThan(first);
    }
}
