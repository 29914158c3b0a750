package io.ganaka.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventCodec;
import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.Json;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.catalog.DefaultCatalog;
import io.ganaka.schemas.rules.RuleDefinition;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class DefaultCategoriesSinkTest {

    private static final UUID USER = UUID.fromString("0190a000-0000-7000-8000-000000000001");

    private final DefaultCategoriesSink sink = new DefaultCategoriesSink(new Naming("t7"));

    private static ConsumerRecord<byte[], byte[]> record(byte[] value) {
        return new ConsumerRecord<>("t7.ganaka.users", 0, 0L, USER.toString().getBytes(StandardCharsets.UTF_8), value);
    }

    private static byte[] event(String userId, EventPayload payload) {
        return EventCodec.encode(Event.create(userId, null, payload));
    }

    @Test
    void consumesTheUsersTopicOfItsPrefixUnderAGroupOfItsOwn() {
        assertThat(sink.topic()).isEqualTo("t7.ganaka.users");
        assertThat(sink.name()).isNotEqualTo(new UserErasureSink(new Naming("t7")).name());
    }

    @Test
    void decodesUserRegisteredAsTheUserToEquip() throws Exception {
        assertThat(sink.decode(record(event(USER.toString(), new EventPayload.UserRegistered("a@b.c", null, "UTC")))))
                .contains(USER);
    }

    @Test
    void ignoresEveryOtherUserEventAndTombstones() throws Exception {
        assertThat(sink.decode(record(event(USER.toString(), new EventPayload.UserDeleted("self"))))).isEmpty();
        assertThat(sink.decode(record(event(USER.toString(), new EventPayload.UserLoggedIn("password"))))).isEmpty();
        assertThat(sink.decode(record(null))).isEmpty();
    }

    @Test
    void undecodableRecordsAndNonUuidUsersArePoison() {
        assertThatThrownBy(() -> sink.decode(record("{nope".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(PoisonRecordException.class);
        assertThatThrownBy(() -> sink.decode(record(event("nope", new EventPayload.UserRegistered("a@b.c", null,
                "UTC"))))).isInstanceOf(PoisonRecordException.class);
    }

    @Test
    void storesTheRuleDefinitionAsTheSharedMapperWritesIt() throws Exception {
        DefaultCatalog.Rule rule = DefaultCatalog.rules(USER).get(0);
        assertThat(Json.MAPPER.readValue(DefaultCategoriesSink.json(rule), RuleDefinition.class))
                .isEqualTo(rule.definition());
    }
}
