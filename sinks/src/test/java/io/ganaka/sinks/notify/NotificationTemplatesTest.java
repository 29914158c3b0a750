package io.ganaka.sinks.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ganaka.schemas.EventPayload;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every kind rendered for every channel, exactly, and values escaped for HTML only. */
class NotificationTemplatesTest {

    private static final UUID USER = UUID.fromString("01936b2e-8f3a-7c41-9a2b-000000000001");
    private static final UUID GROCERIES = UUID.fromString("01936b2e-8f3a-7c41-9a2b-00000000c001");
    private static final UserContact ASHA = new UserContact(USER, "asha@example.com", "Asha", ZoneId.of("UTC"),
            NotificationPreferences.DEFAULTS);

    private final NotificationTemplates templates = new NotificationTemplates();

    private NotificationTemplates.Rendered render(EventPayload data, String kind, String channel, UserContact user) {
        NotificationRequest request = new NotificationRequest(USER, UUID.randomUUID(), kind, data, Instant.EPOCH);
        Map<String, Object> model = NotificationModels.model(request, user,
                id -> id.equals(GROCERIES) ? "Groceries & Co <b>" : null);
        return templates.render(kind, channel, model);
    }

    private static EventPayload.AlertRaised alert(String kind, String amount, String threshold, Integer percent,
                                                  String categoryId, String currency) {
        return new EventPayload.AlertRaised(UUID.randomUUID().toString(), kind, null, null, categoryId, currency,
                new BigDecimal(amount), new BigDecimal(threshold), percent, 2026, 3, "ignored");
    }

    @Test
    void aHighValueAlertRendersForEveryChannel() {
        EventPayload data = alert("high-value", "1500", "1000", null, null, "EUR");
        NotificationTemplates.Rendered email = render(data, "alert.high-value", "email", ASHA);
        assertThat(email.subject()).isEqualTo("Large expense: 1500.00 EUR");
        assertThat(email.body()).isEqualTo("""
                Hi Asha,

                an expense of 1500.00 EUR was just recorded. That is at or above your high-value threshold of \
                1000.00 EUR.

                If you did not make it, check your account.

                Ganaka
                """);
        assertThat(email.bodyHtml()).contains("<p>an expense of <strong>1500.00 EUR</strong> was just recorded.");
        assertThat(render(data, "alert.high-value", "sms", ASHA).body())
                .isEqualTo("Ganaka: an expense of 1500.00 EUR was recorded (your threshold: 1000.00 EUR).");
        NotificationTemplates.Rendered inApp = render(data, "alert.high-value", "in-app", ASHA);
        assertThat(inApp.body())
                .isEqualTo("An expense of 1500.00 EUR was recorded, at or above your threshold of 1000.00 EUR.");
        assertThat(inApp.bodyHtml()).isNull();
    }

    @Test
    void aBudgetAlertNamesTheCategoryAndThePercentage() {
        EventPayload data = alert("budget-threshold", "246.50", "300.00", 80, GROCERIES.toString(), "EUR");
        NotificationTemplates.Rendered email = render(data, "alert.budget-threshold", "email", ASHA);
        assertThat(email.subject()).isEqualTo("80 % of your March 2026 budget for Groceries & Co <b> reached");
        assertThat(email.body()).isEqualTo("""
                Hi Asha,

                you have spent 246.50 EUR on Groceries & Co <b> in March 2026: 80 % of your budget of 300.00 EUR.

                Ganaka
                """);
        assertThat(email.bodyHtml()).contains("on Groceries &amp; Co &lt;b&gt; in March 2026")
                .doesNotContain("<b>");
        assertThat(render(data, "alert.budget-threshold", "sms", ASHA).body()).isEqualTo(
                "Ganaka: 80 % of your March 2026 budget for Groceries & Co <b> reached (246.50 EUR of 300.00 EUR).");
        EventPayload allSpending = alert("budget-threshold", "300", "300", 100, null, "JPY");
        assertThat(render(allSpending, "alert.budget-threshold", "in-app", ASHA).body()).isEqualTo(
                "You have spent 300 JPY on all spending in March 2026: 100 % of your budget of 300 JPY.");
    }

    @Test
    void anUnusualSpendingAlertRendersUncategorizedAndDeletedCategories() {
        EventPayload uncategorized = alert("unusual-spending", "90.00", "41.25", null, null, "USD");
        NotificationTemplates.Rendered email = render(uncategorized, "alert.unusual-spending", "email", ASHA);
        assertThat(email.subject()).isEqualTo("Unusual expense in Uncategorized: 90.00 USD");
        assertThat(email.body()).isEqualTo("""
                Hi Asha,

                an expense of 90.00 USD in Uncategorized is well above what you usually spend there (more than \
                41.25 USD).

                If you did not make it, check your account.

                Ganaka
                """);
        EventPayload deleted = alert("unusual-spending", "90.00", "41.25", null, UUID.randomUUID().toString(), "USD");
        assertThat(render(deleted, "alert.unusual-spending", "sms", ASHA).body()).isEqualTo(
                "Ganaka: unusual expense of 90.00 USD in a deleted category (usually under 41.25 USD).");
        assertThat(render(deleted, "alert.unusual-spending", "in-app", ASHA).body()).isEqualTo("An expense of 90.00 USD"
                + " in a deleted category is well above what you usually spend there (more than 41.25 USD).");
    }

    @Test
    void aWelcomeGreetsByNameOrPlainly() {
        EventPayload data = new EventPayload.UserRegistered("asha@example.com", "Asha", "UTC");
        NotificationTemplates.Rendered email = render(data, "welcome", "email", ASHA);
        assertThat(email.subject()).isEqualTo("Welcome to Ganaka");
        assertThat(email.body()).isEqualTo("""
                Hi Asha,

                welcome to Ganaka. Your account asha@example.com is ready: add your first expense, and set budgets \
                and quiet hours in your profile.

                Ganaka
                """);
        UserContact nameless = new UserContact(USER, "x@example.com", null, ZoneId.of("UTC"),
                NotificationPreferences.DEFAULTS);
        assertThat(render(data, "welcome", "sms", nameless).body()).isEqualTo("Welcome to Ganaka, there!");
        assertThat(render(data, "welcome", "in-app", ASHA).body())
                .isEqualTo("Welcome to Ganaka, Asha! Add your first expense to get started.");
    }

    @Test
    void aMonthlySummaryListsEveryCurrencyAndCategory() {
        EventPayload data = new EventPayload.ReportUpdated("month-closed", 2026, 3, "Europe/Berlin",
                List.of(line(null, "EUR", "246.50", 3), line(null, "JPY", "1500", 1)),
                List.of(line(GROCERIES.toString(), "EUR", "234.50", 2), line(null, "EUR", "12.00", 1),
                        line(null, "JPY", "1500", 1)));
        NotificationTemplates.Rendered email = render(data, "monthly-summary", "email", ASHA);
        assertThat(email.subject()).isEqualTo("Your spending in March 2026");
        assertThat(email.body()).isEqualTo("""
                Hi Asha,

                here is your summary of March 2026.

                Total:
                  246.50 EUR in 3 expenses
                  1500 JPY in 1 expense

                By category:
                  Groceries & Co <b>: 234.50 EUR in 2 expenses
                  Uncategorized: 12.00 EUR in 1 expense
                  Uncategorized: 1500 JPY in 1 expense

                Ganaka
                """);
        assertThat(email.bodyHtml()).contains("<tr><td>Groceries &amp; Co &lt;b&gt;</td><td>234.50 EUR</td>"
                + "<td>2 expenses</td></tr>");
        assertThat(render(data, "monthly-summary", "sms", ASHA).body())
                .isEqualTo("Ganaka: March 2026: 246.50 EUR (3 expenses), 1500 JPY (1 expense).");
        assertThat(render(data, "monthly-summary", "in-app", ASHA).body())
                .isEqualTo("Your March 2026 summary: 246.50 EUR (3 expenses), 1500 JPY (1 expense).");
    }

    @Test
    void aMonthWithoutExpensesSaysSo() {
        EventPayload data = new EventPayload.ReportUpdated("month-closed", 2026, 2, "UTC", List.of(), List.of());
        assertThat(render(data, "monthly-summary", "email", ASHA).body()).isEqualTo("""
                Hi Asha,

                here is your summary of February 2026.

                You recorded no expenses this month.

                Ganaka
                """);
        assertThat(render(data, "monthly-summary", "sms", ASHA).body()).isEqualTo("Ganaka: February 2026: no expenses.");
    }

    @Test
    void aSubjectIsOneLineWhateverTheValues() {
        UserContact sneaky = new UserContact(USER, "x@example.com", "Eve\r\nBcc: victim@example.com",
                ZoneId.of("UTC"), NotificationPreferences.DEFAULTS);
        EventPayload data = new EventPayload.UserRegistered("x@example.com", "Eve", "UTC");
        assertThat(render(data, "welcome", "sms", sneaky).body())
                .isEqualTo("Welcome to Ganaka, Eve Bcc: victim@example.com!");
        assertThat(NotificationTemplates.oneLine("a\r\n\tb  c")).isEqualTo("a b c");
    }

    @Test
    void aChannelWithoutTemplatesOfItsOwnTakesTheInAppText() {
        EventPayload data = new EventPayload.UserRegistered("asha@example.com", "Asha", "UTC");
        assertThat(render(data, "welcome", "webhook", ASHA).body())
                .isEqualTo("Welcome to Ganaka, Asha! Add your first expense to get started.");
    }

    @Test
    void anUnknownKindHasNoTemplate() {
        assertThatThrownBy(() -> templates.render("alert.unknown", "email", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alert.unknown/subject");
    }

    private static EventPayload.ReportLine line(String categoryId, String currency, String total, long count) {
        return new EventPayload.ReportLine(categoryId, currency, new BigDecimal(total), count, null, null);
    }
}
