package io.ganaka.sinks.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.EventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which events ask for a notification, of which kind; and amounts as the templates show them. */
class NotificationRequestTest {

    private static Event event(EventPayload data) {
        return new Event(UUID.randomUUID().toString(), EventType.of(data).wireName(), 1, Instant.EPOCH,
                UUID.randomUUID().toString(), null, data);
    }

    private static EventPayload.AlertRaised alert(String kind) {
        return new EventPayload.AlertRaised("a", kind, null, null, null, "EUR", BigDecimal.TEN, BigDecimal.ONE, null,
                null, null, null);
    }

    @Test
    void everyKnownAlertKindIsANotificationOfItsOwnKind() {
        assertThat(NotificationRequest.kindOf(event(alert("high-value")))).contains("alert.high-value");
        assertThat(NotificationRequest.kindOf(event(alert("budget-threshold")))).contains("alert.budget-threshold");
        assertThat(NotificationRequest.kindOf(event(alert("unusual-spending")))).contains("alert.unusual-spending");
        assertThat(NotificationRequest.kindOf(event(alert("weather")))).isEmpty();
    }

    @Test
    void aRegistrationIsAWelcomeAndOnlyAClosedMonthIsASummary() {
        assertThat(NotificationRequest.kindOf(event(new EventPayload.UserRegistered("a@b.c", null, "UTC"))))
                .contains("welcome");
        assertThat(NotificationRequest.kindOf(event(new EventPayload.ReportUpdated("month-closed", 2026, 3, "UTC",
                List.of(), List.of())))).contains("monthly-summary");
        assertThat(NotificationRequest.kindOf(event(new EventPayload.ReportUpdated("monthly", 2026, 3, null,
                List.of(), List.of())))).isEmpty();
        assertThat(NotificationRequest.kindOf(event(new EventPayload.UserLoggedIn("password")))).isEmpty();
    }

    @Test
    void amountsShowTheCurrencysDigitsExactly() {
        assertThat(NotificationModels.money(new BigDecimal("12.3"), "EUR")).isEqualTo("12.30 EUR");
        assertThat(NotificationModels.money(new BigDecimal("1500"), "JPY")).isEqualTo("1500 JPY");
        assertThat(NotificationModels.money(new BigDecimal("1.234"), "KWD")).isEqualTo("1.234 KWD");
        assertThat(NotificationModels.money(new BigDecimal("1234567.89"), "USD")).isEqualTo("1234567.89 USD");
        // Never rounded away: more digits than the currency has are shown as they are.
        assertThat(NotificationModels.money(new BigDecimal("1.005"), "EUR")).isEqualTo("1.005 EUR");
        assertThat(NotificationModels.money(null, "EUR")).isNull();
    }
}
