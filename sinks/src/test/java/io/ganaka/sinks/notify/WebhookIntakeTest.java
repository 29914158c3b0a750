package io.ganaka.sinks.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.EventType;
import io.ganaka.sinks.notify.WebhookIntake.Hook;
import io.ganaka.sinks.notify.WebhookIntake.Key;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which events webhooks may get, and the rows a batch of them makes. */
class WebhookIntakeTest {

    private static final UUID USER = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-03-15T12:00:00Z");

    private static Event event(EventPayload payload) {
        return new Event(UUID.randomUUID().toString(), EventType.of(payload).wireName(), 1, AT, USER.toString(), null,
                payload);
    }

    private static EventPayload.NotificationSent notificationSent(String channel) {
        return new EventPayload.NotificationSent(UUID.randomUUID().toString(), "alert.high-value", channel, "sent",
                UUID.randomUUID().toString(), 1, null);
    }

    private static WebhookEvent alert(Instant occurredAt) {
        return new WebhookEvent(USER, UUID.randomUUID(), "alert.raised", occurredAt, "{\"id\":\"a\"}");
    }

    @Test
    void subscribableEventsAreWantedAndOthersAreNot() {
        assertThat(WebhookEvent.wanted(event(new EventPayload.ExpenseDeleted("e", 2)))).isTrue();
        assertThat(WebhookEvent.wanted(event(new EventPayload.AlertRaised("a", "high-value", "e", 1L, null, "EUR",
                BigDecimal.TEN, BigDecimal.ONE, null, null, null, "large")))).isTrue();
        assertThat(WebhookEvent.wanted(event(new EventPayload.ExpenseCategorized("e", 1, null, "none", List.of(),
                null, "rules-applied")))).isFalse();
        assertThat(WebhookEvent.wanted(event(new EventPayload.UserRegistered("a@example.org", "Asha", "UTC"))))
                .isFalse();
    }

    @Test
    void theNotificationSentOfAWebhookIsNeverSentToWebhooks() {
        assertThat(WebhookEvent.wanted(event(notificationSent("email")))).isTrue();
        assertThat(WebhookEvent.wanted(event(notificationSent("webhook")))).isFalse();
    }

    @Test
    void anEventMakesOneRowPerSubscribedWebhookWithTheEventAsBody() {
        UUID books = UUID.randomUUID();
        UUID alarms = UUID.randomUUID();
        WebhookEvent alert = alert(AT);

        List<NotificationIntake.Row> rows = WebhookIntake.rows(List.of(alert), Map.of(
                new Key(USER, "alert.raised"), List.of(new Hook(books, AT.minusSeconds(60)),
                        new Hook(alarms, AT.minusSeconds(5)))));

        assertThat(rows).containsExactly(
                new NotificationIntake.Row(USER, WebhookIntake.notificationId(USER, alert.eventId(), books),
                        "alert.raised", "webhook", alert.eventId(), "alert.raised", "{\"id\":\"a\"}", null,
                        books.toString()),
                new NotificationIntake.Row(USER, WebhookIntake.notificationId(USER, alert.eventId(), alarms),
                        "alert.raised", "webhook", alert.eventId(), "alert.raised", "{\"id\":\"a\"}", null,
                        alarms.toString()));
        assertThat(rows.get(0).id()).isNotEqualTo(rows.get(1).id());
    }

    @Test
    void theSameEventAndWebhookAlwaysGiveTheSameNotificationId() {
        UUID event = UUID.randomUUID();
        UUID hook = UUID.randomUUID();
        assertThat(WebhookIntake.notificationId(USER, event, hook))
                .isEqualTo(WebhookIntake.notificationId(USER, event, hook))
                .isNotEqualTo(NotificationIntake.notificationId(USER, event, "webhook"));
    }

    @Test
    void anEventWithoutSubscribersMakesNoRow() {
        assertThat(WebhookIntake.rows(List.of(alert(AT)), Map.of())).isEmpty();
        assertThat(WebhookIntake.rows(List.of(alert(AT)), Map.of(new Key(USER, "expense.added"),
                List.of(new Hook(UUID.randomUUID(), AT.minusSeconds(60)))))).isEmpty();
    }

    @Test
    void aWebhookGetsNoEventThatOccurredBeforeItWasCreated() {
        UUID hook = UUID.randomUUID();
        Map<Key, List<Hook>> hooks = Map.of(new Key(USER, "alert.raised"), List.of(new Hook(hook, AT)));

        assertThat(WebhookIntake.rows(List.of(alert(AT.minusSeconds(3_600))), hooks)).isEmpty();
        assertThat(WebhookIntake.rows(List.of(alert(AT.minusSeconds(30))), hooks)).hasSize(1); // within the margin
        assertThat(WebhookIntake.rows(List.of(alert(AT.plusSeconds(1))), hooks)).hasSize(1);
    }
}
