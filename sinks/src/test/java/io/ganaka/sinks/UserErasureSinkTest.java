package io.ganaka.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventCodec;
import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.Naming;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class UserErasureSinkTest {

    private static final UUID USER = UUID.fromString("0190a000-0000-7000-8000-000000000001");

    private final UserErasureSink sink = new UserErasureSink(new Naming("t5"));

    private static ConsumerRecord<byte[], byte[]> record(byte[] value) {
        return new ConsumerRecord<>("t5.ganaka.users", 0, 0L, USER.toString().getBytes(StandardCharsets.UTF_8), value);
    }

    private static byte[] event(String userId, EventPayload payload) {
        return EventCodec.encode(Event.create(userId, null, payload));
    }

    @Test
    void consumesTheUsersTopicOfItsPrefix() {
        assertThat(sink.topic()).isEqualTo("t5.ganaka.users");
    }

    @Test
    void decodesUserDeletedAsTheUserToErase() throws Exception {
        assertThat(sink.decode(record(event(USER.toString(), new EventPayload.UserDeleted("self"))))).contains(USER);
    }

    @Test
    void ignoresEveryOtherUserEventAndTombstones() throws Exception {
        assertThat(sink.decode(record(event(USER.toString(), new EventPayload.UserLoggedIn("password"))))).isEmpty();
        assertThat(sink.decode(record(event(USER.toString(), new EventPayload.UserRegistered("a@b.c", null, "UTC")))))
                .isEmpty();
        assertThat(sink.decode(record(null))).isEmpty();
    }

    @Test
    void undecodableRecordsAndNonUuidUsersArePoison() {
        assertThatThrownBy(() -> sink.decode(record("{nope".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(PoisonRecordException.class);
        assertThatThrownBy(() -> sink.decode(record(event("not-a-uuid", new EventPayload.UserDeleted("admin")))))
                .isInstanceOf(PoisonRecordException.class);
    }

    @Test
    void quotesCatalogNamesAsIdentifiers() {
        assertThat(UserErasureSink.quote("expenses")).isEqualTo("\"expenses\"");
        assertThat(UserErasureSink.quote("we\"ird")).isEqualTo("\"we\"\"ird\"");
    }
}
