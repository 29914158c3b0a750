package io.ganaka.streams.reportupdates;

import static io.ganaka.streams.reportupdates.ReportUpdatesHarness.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.CategoryTotal;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload.ReportLine;
import io.ganaka.schemas.EventPayload.ReportUpdated;
import io.ganaka.schemas.EventPayload.UserDeleted;
import io.ganaka.schemas.EventPayload.UserRegistered;
import io.ganaka.schemas.EventPayload.UserUpdated;
import io.ganaka.schemas.Json;
import io.ganaka.schemas.JsonSerde;
import io.ganaka.schemas.MonthlyTotal;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The month-closed summary through the test driver, with the wall clock moved by the test. */
class MonthCloseTest {

    private static final String FOOD = "01936b2e-8f3a-7c41-9a2b-00000000c001";
    private static final String TRAVEL = "01936b2e-8f3a-7c41-9a2b-00000000c002";
    /** Settings as in production, but checked every 10 s. */
    private static final MonthCloseSettings SETTINGS = MonthCloseSettings.defaults().withInterval(Duration.ofSeconds(10));
    /** March 2026 ends at 2026-04-01T00:00Z in UTC, at 04:00Z in New York (EDT) and on 31 March 18:30Z in Kolkata. */
    private static final Instant MID_MARCH = Instant.parse("2026-03-15T12:00:00Z");

    @TempDir
    Path stateDir;

    private ReportUpdatesHarness topology;
    private final String user = UUID.randomUUID().toString();

    @AfterEach
    void stop() {
        if (topology != null) {
            topology.close();
        }
    }

    private ReportUpdatesHarness start(Instant wallClock) {
        topology = new ReportUpdatesHarness(stateDir, SETTINGS, wallClock);
        return topology;
    }

    private static Event registered(String userId, String zone) {
        return Event.create(userId, "corr", new UserRegistered("a@example.org", "A", zone));
    }

    private static MonthlyTotal monthly(String userId, int month, String currency, String total, long count) {
        return new MonthlyTotal(userId, 2026, month, currency, new BigDecimal(total), count);
    }

    private static CategoryTotal category(String userId, int month, String categoryId, String currency, String total,
                                          long count) {
        return new CategoryTotal(userId, 2026, month, categoryId, currency, new BigDecimal(total), count);
    }

    private static ReportUpdated data(Event event) {
        return (ReportUpdated) event.data();
    }

    @Test
    void closesAMonthWhenItEndsInTheUsersTimeZoneNotInUtc() {
        start(MID_MARCH);
        String newYork = UUID.randomUUID().toString();
        String kolkata = UUID.randomUUID().toString();
        topology.send(registered(newYork, "America/New_York"));
        topology.send(registered(kolkata, "Asia/Kolkata"));
        topology.send(monthly(newYork, 3, "USD", "10.00", 1));
        topology.send(monthly(kolkata, 3, "INR", "500.00", 1));

        topology.clockAt(Instant.parse("2026-03-31T18:40:00Z"));
        assertThat(topology.monthClosed()).extracting(Event::userId).containsExactly(kolkata);

        topology.clockAt(Instant.parse("2026-04-01T00:10:00Z"));
        assertThat(topology.monthClosed()).as("midnight UTC is not midnight in New York").isEmpty();

        topology.clockAt(Instant.parse("2026-04-01T04:10:00Z"));
        List<Event> closed = topology.monthClosed();
        assertThat(closed).extracting(Event::userId).containsExactly(newYork);
        assertThat(data(closed.get(0)).timezone()).isEqualTo("America/New_York");
        assertThat(data(closed.get(0))).extracting(ReportUpdated::year, ReportUpdated::month).containsExactly(2026, 3);
    }

    @Test
    void aUserWithoutAKnownTimeZoneClosesInUtc() {
        start(MID_MARCH);
        topology.send(monthly(user, 3, "EUR", "10.00", 1));

        topology.clockAt(Instant.parse("2026-04-01T00:04:59Z"));
        assertThat(topology.monthClosed()).isEmpty();
        topology.clockAt(Instant.parse("2026-04-01T00:05:10Z"));
        assertThat(topology.monthClosed()).singleElement().satisfies(e -> assertThat(data(e).timezone()).isEqualTo("UTC"));
    }

    @Test
    void closesEachMonthOnceOnlyKeyedByTheUserWithAnIdOfItsOwn() {
        start(MID_MARCH);
        topology.send(registered(user, "Europe/Berlin"));
        topology.send(monthly(user, 3, "EUR", "10.00", 1));

        topology.clockAt(Instant.parse("2026-04-01T00:00:00Z"));
        List<KeyValue<String, Event>> first = topology.read().stream()
                .filter(kv -> data(kv.value).kind().equals("month-closed")).toList();
        topology.clockAt(Instant.parse("2026-04-01T01:00:00Z"));
        topology.clockAt(Instant.parse("2026-04-20T00:00:00Z"));

        assertThat(first).singleElement().satisfies(kv -> {
            assertThat(kv.key).isEqualTo(user);
            assertThat(kv.value.type()).isEqualTo("report.updated");
            assertThat(kv.value.id()).isEqualTo(ReportEventIds.monthClosed(user, 2026, 3));
        });
        assertThat(topology.monthClosed()).isEmpty();
    }

    @Test
    void closesNothingForUsersWithoutExpensesInThatMonth() {
        start(MID_MARCH);
        String februaryOnly = UUID.randomUUID().toString();
        String deletedAgain = UUID.randomUUID().toString();
        topology.send(monthly(februaryOnly, 2, "EUR", "10.00", 1));
        topology.send(monthly(deletedAgain, 3, "EUR", "10.00", 1));
        topology.send(monthly(deletedAgain, 3, "EUR", "0.00", 0));
        topology.send(monthly(user, 3, "EUR", "7.00", 1));
        topology.monthClosed();

        topology.clockAt(Instant.parse("2026-04-01T00:10:00Z"));

        // February closed at the first tick (it ended before the clock started); March only for the user with expenses.
        assertThat(topology.monthClosed()).extracting(e -> e.userId() + " " + data(e).month())
                .containsExactlyInAnyOrder(februaryOnly + " 2", user + " 3");
    }

    @Test
    void theSummaryHoldsEveryCurrencysFinalTotalAndEveryCategoryLineOfTheMonth() {
        start(MID_MARCH);
        topology.send(monthly(user, 3, "EUR", "10.00", 1));
        topology.send(category(user, 3, FOOD, "EUR", "10.00", 1));
        topology.send(monthly(user, 3, "EUR", "25.50", 2));
        topology.send(category(user, 3, null, "EUR", "15.50", 1));
        topology.send(monthly(user, 3, "USD", "3.00", 1));
        topology.send(category(user, 3, TRAVEL, "USD", "3.00", 1));
        // A category emptied by a move is not a line of the summary.
        topology.send(category(user, 3, TRAVEL, "EUR", "4.00", 1));
        topology.send(category(user, 3, TRAVEL, "EUR", "0.00", 0));
        // Another month's totals stay out.
        topology.send(monthly(user, 4, "EUR", "99.00", 1));
        topology.send(category(user, 4, FOOD, "EUR", "99.00", 1));

        topology.clockAt(Instant.parse("2026-04-01T00:10:00Z"));

        ReportUpdated summary = data(topology.monthClosed().get(0));
        assertThat(summary.kind()).isEqualTo("month-closed");
        assertThat(summary.totals()).containsExactlyInAnyOrder(
                line(null, "EUR", "25.50", 2), line(null, "USD", "3.00", 1));
        assertThat(summary.categories()).containsExactlyInAnyOrder(
                line(FOOD, "EUR", "10.00", 1), line(null, "EUR", "15.50", 1), line(TRAVEL, "USD", "3.00", 1));
    }

    @Test
    void theMonthlyExtremesArePassedThroughToTheSummary() {
        start(MID_MARCH);
        topology.send(new MonthlyTotal(user, 2026, 3, "EUR", new BigDecimal("30.00"), 2, new BigDecimal("10.00"),
                new BigDecimal("20.00")));

        topology.clockAt(Instant.parse("2026-04-01T00:10:00Z"));

        assertThat(data(topology.monthClosed().get(0)).totals()).containsExactly(new ReportLine(null, "EUR",
                new BigDecimal("30.00"), 2, new BigDecimal("10.00"), new BigDecimal("20.00")));
    }

    @Test
    void waitsForTheGraceAfterMidnightAndCountsWhatArrivesWithinIt() {
        start(MID_MARCH);
        topology.send(monthly(user, 3, "EUR", "10.00", 1));

        topology.clockAt(Instant.parse("2026-04-01T00:00:00Z"));
        topology.clockAt(Instant.parse("2026-04-01T00:04:50Z"));
        assertThat(topology.monthClosed()).as("still within the 5 minutes of grace").isEmpty();
        // An expense of 31 March 23:59 reaching the reports late.
        topology.send(monthly(user, 3, "EUR", "12.00", 2));

        topology.clockAt(Instant.parse("2026-04-01T00:05:00Z"));
        assertThat(topology.monthClosed()).singleElement()
                .satisfies(e -> assertThat(data(e).totals()).containsExactly(line(null, "EUR", "12.00", 2)));
    }

    @Test
    void aChangeAfterTheCloseIsReportedButRaisesNoSecondSummary() {
        start(MID_MARCH);
        topology.send(monthly(user, 3, "EUR", "10.00", 1));
        topology.clockAt(Instant.parse("2026-04-01T00:10:00Z"));
        assertThat(topology.monthClosed()).hasSize(1);

        topology.send(monthly(user, 3, "EUR", "15.00", 2));
        topology.send(category(user, 3, FOOD, "EUR", "5.00", 1));
        List<Event> after = topology.read().stream().map(kv -> kv.value).toList();
        topology.clockAt(Instant.parse("2026-04-02T00:00:00Z"));

        assertThat(after).extracting(e -> data(e).kind()).containsExactly("monthly", "category");
        assertThat(topology.monthClosed()).isEmpty();
        assertThat(topology.<ReportLine>store(MonthCloseStores.LINES)).as("a closed month keeps no lines").isEmpty();
    }

    @Test
    void aDeletedUserGetsNoSummaryAndTheirStateIsPurged() {
        start(MID_MARCH);
        String other = UUID.randomUUID().toString();
        topology.send(registered(user, "Europe/Berlin"));
        topology.send(monthly(user, 3, "EUR", "10.00", 1));
        topology.send(category(user, 3, FOOD, "EUR", "10.00", 1));
        topology.send(monthly(other, 3, "EUR", "1.00", 1));

        topology.send(Event.create(user, "corr", new UserDeleted("self")));
        // An expense of theirs still on its way when the account went.
        topology.send(monthly(user, 3, "EUR", "11.00", 2));
        topology.clockAt(Instant.parse("2026-04-01T00:10:00Z"));

        assertThat(topology.monthClosed()).extracting(Event::userId).containsExactly(other);
        assertThat(topology.<ReportLine>store(MonthCloseStores.LINES)).isEmpty();
        assertThat(topology.<MonthStatus>store(MonthCloseStores.MONTHS)).extracting(kv -> kv.value.userId())
                .containsOnly(other);
        assertThat(topology.<UserClock>store(MonthCloseStores.USERS))
                .containsExactly(KeyValue.pair(user, UserClock.DELETED));
    }

    @Test
    void aTimeZoneChangeBeforeTheCloseMovesTheClose() {
        start(MID_MARCH);
        topology.send(registered(user, "Asia/Kolkata"));
        topology.send(monthly(user, 3, "EUR", "10.00", 1));
        topology.send(Event.create(user, "corr", new UserUpdated("A", "America/New_York", Json.MAPPER.createObjectNode())));

        topology.clockAt(Instant.parse("2026-04-01T00:10:00Z"));
        assertThat(topology.monthClosed()).isEmpty();
        topology.clockAt(Instant.parse("2026-04-01T04:10:00Z"));
        assertThat(topology.monthClosed()).singleElement()
                .satisfies(e -> assertThat(data(e).timezone()).isEqualTo("America/New_York"));
    }

    @Test
    void aRestartDoesNotRepeatAClosedMonthBecauseTheMarkIsInTheChangelog() {
        start(MID_MARCH);
        topology.send(monthly(user, 3, "EUR", "10.00", 1));
        topology.send(monthly(user, 4, "EUR", "20.00", 1));
        topology.clockAt(Instant.parse("2026-04-01T00:10:00Z"));
        assertThat(topology.monthClosed()).hasSize(1);
        var users = topology.changelog(MonthCloseStores.USERS, new JsonSerde<>(UserClock.class));
        var months = topology.changelog(MonthCloseStores.MONTHS, new JsonSerde<>(MonthStatus.class));
        var lines = topology.changelog(MonthCloseStores.LINES, new JsonSerde<>(ReportLine.class));
        assertThat(months).last().satisfies(kv -> assertThat(kv.value.closed()).isTrue());
        topology.close();

        // A fresh client, restored from the changelogs, much later.
        ReportUpdatesHarness restarted = start(Instant.parse("2026-04-01T00:10:00Z"));
        restarted.restore(MonthCloseStores.USERS, users);
        restarted.restore(MonthCloseStores.MONTHS, months);
        restarted.restore(MonthCloseStores.LINES, lines);
        // A late change to March after the restart: only the restored mark tells it March has closed.
        restarted.send(monthly(user, 3, "EUR", "12.00", 2));
        restarted.clockAt(Instant.parse("2026-04-15T00:00:00Z"));
        assertThat(restarted.monthClosed()).as("March is not closed again").isEmpty();

        restarted.clockAt(Instant.parse("2026-05-01T00:10:00Z"));
        assertThat(restarted.monthClosed()).as("April closes, from the restored lines")
                .singleElement().satisfies(e -> assertThat(data(e).totals()).containsExactly(line(null, "EUR", "20.00", 1)));
    }

    @Test
    void closedMonthsAreForgottenAfterTheRetentionAndLaterChangesToThemIgnored() {
        start(MID_MARCH);
        topology.send(monthly(user, 3, "EUR", "10.00", 1));
        topology.clockAt(Instant.parse("2026-04-01T00:10:00Z"));
        assertThat(topology.monthClosed()).hasSize(1);

        topology.clockAt(Instant.parse("2026-04-01T00:00:00Z").plus(SETTINGS.retention()).plusSeconds(10));
        assertThat(topology.<MonthStatus>store(MonthCloseStores.MONTHS)).isEmpty();

        topology.send(monthly(user, 3, "EUR", "15.00", 2));
        topology.clockAt(topology.clock().plus(Duration.ofDays(1)));
        assertThat(topology.monthClosed()).isEmpty();
        assertThat(topology.<MonthStatus>store(MonthCloseStores.MONTHS)).isEmpty();
        assertThat(topology.<ReportLine>store(MonthCloseStores.LINES)).isEmpty();
    }

    @Test
    void anEndedMonthThatFirstAppearsLaterStillClosesOnce() {
        // Expenses imported for last month: it has ended already, so it closes at the next tick.
        start(Instant.parse("2026-04-10T09:00:00Z"));
        topology.send(monthly(user, 3, "EUR", "10.00", 1));

        topology.clockAt(Instant.parse("2026-04-10T09:00:10Z"));

        assertThat(topology.monthClosed()).singleElement()
                .satisfies(e -> assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-04-10T09:00:10Z")));
    }
}
