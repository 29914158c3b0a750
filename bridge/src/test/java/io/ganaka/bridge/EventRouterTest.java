package io.ganaka.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventCodec;
import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.EventType;
import io.ganaka.schemas.Naming;
import io.nats.client.impl.Headers;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventRouterTest {

    private final Naming naming = new Naming("t1");
    private final EventRouter router = new EventRouter(naming);

    private static Event expenseAdded(String userId) {
        return Event.create(userId, "corr-1", new EventPayload.ExpenseAdded("e-1", 1, new BigDecimal("12.34"), "EUR",
                "coffee", null, Instant.parse("2026-03-15T12:00:00Z"), null, List.of(), null));
    }

    @Test
    void routesByHeadersWithoutNeedingTheBody() {
        Headers headers = new Headers()
                .put("Nats-Msg-Id", "id-1")
                .put("Ganaka-User-Id", "user-1")
                .put("Ganaka-Event-Type", "expense.added");

        Route route = router.route(naming.eventSubject(EventType.EXPENSE_ADDED), headers,
                "not json".getBytes(StandardCharsets.UTF_8));

        assertThat(route).isEqualTo(new Route.Forward("t1.ganaka.expenses", "user-1", "id-1", "expense.added"));
    }

    @Test
    void decodesTheEnvelopeWhenTheUserHeaderIsMissing() {
        Event event = expenseAdded("user-2");

        Route route = router.route(naming.eventSubject(EventType.EXPENSE_ADDED), null, EventCodec.encode(event));

        assertThat(route).isEqualTo(new Route.Forward("t1.ganaka.expenses", "user-2", event.id(), "expense.added"));
    }

    @Test
    void takesTheTypeFromTheSubjectWhenTheTypeHeaderIsMissing() {
        Headers headers = new Headers().put("Ganaka-User-Id", "user-3");

        Route route = router.route(naming.eventSubject(EventType.USER_REGISTERED), headers, new byte[0]);

        assertThat(route).isEqualTo(new Route.Forward("t1.ganaka.users", "user-3", null, "user.registered"));
    }

    @Test
    void deadLettersAnAlertBecauseAlertsAreRaisedByTheStreamsRoleNotPublishedOnNats() {
        Headers headers = new Headers().put("Ganaka-User-Id", "user-5").put("Ganaka-Event-Type", "alert.raised");

        Route route = router.route(naming.eventSubject(EventType.ALERT_RAISED), headers, new byte[0]);

        assertThat(route).isInstanceOfSatisfying(Route.DeadLetter.class, dead -> {
            assertThat(dead.topic()).isEqualTo("t1.ganaka.dlq");
            assertThat(dead.reason()).contains("no input topic").contains("alert.raised");
        });
    }

    @Test
    void deadLettersAnUnknownType() {
        Headers headers = new Headers().put("Ganaka-User-Id", "user-4").put("Ganaka-Event-Type", "expense.exploded");

        Route route = router.route("t1.ganaka.events.expense.exploded", headers, new byte[0]);

        assertThat(route).isInstanceOfSatisfying(Route.DeadLetter.class, dead -> {
            assertThat(dead.topic()).isEqualTo("t1.ganaka.dlq");
            assertThat(dead.reason()).contains("unknown event type").contains("expense.exploded");
            assertThat(dead.userId()).isEqualTo("user-4");
        });
    }

    @Test
    void deadLettersAnUndecodableBodyWithoutUserHeader() {
        Route route = router.route(naming.eventSubject(EventType.EXPENSE_ADDED), null,
                "{\"broken".getBytes(StandardCharsets.UTF_8));

        assertThat(route).isInstanceOfSatisfying(Route.DeadLetter.class, dead -> {
            assertThat(dead.reason()).startsWith("undecodable event");
            assertThat(dead.userId()).isNull();
            assertThat(dead.eventType()).isEqualTo("expense.added");
        });
    }

    @Test
    void deadLettersAMessageWhoseBlankUserHeaderCannotBeFilledFromTheBody() {
        Headers headers = new Headers().put("Ganaka-User-Id", " ").put("Ganaka-Event-Type", "expense.added");

        Route route = router.route(naming.eventSubject(EventType.EXPENSE_ADDED), headers, null);

        assertThat(route).isInstanceOf(Route.DeadLetter.class);
    }
}
