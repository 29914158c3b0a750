package io.ganaka.streams.reports;

import static io.ganaka.streams.reports.ExpenseEvents.added;
import static io.ganaka.streams.reports.ExpenseEvents.deleted;
import static io.ganaka.streams.reports.ExpenseEvents.updated;
import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload.ExpenseCategorized;
import io.ganaka.schemas.MonthlyTotal;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the monthly totals topology promises, through the test driver with in-memory stores. */
class MonthlyTotalsTopologyTest {

    private static final String MARCH = "2026-03-15T12:00:00Z";
    private static final String APRIL = "2026-04-02T08:00:00Z";

    @TempDir
    Path stateDir;

    private MonthlyTotalsHarness topology;

    @BeforeEach
    void startDriver() {
        topology = new MonthlyTotalsHarness(stateDir);
    }

    @AfterEach
    void closeDriver() {
        topology.close();
    }

    @Test
    void anAddedExpenseBecomesItsMonthsTotal() {
        send(added("u1", "e1", "12.34", "EUR", MARCH));

        assertThat(total("u1", 2026, 3, "EUR")).hasValue(new MonthlyTotal("u1", 2026, 3, "EUR", new BigDecimal("12.34"), 1));
    }

    @Test
    void twoAddsInTheSameMonthAreSummed() {
        send(added("u1", "e1", "12.34", "EUR", MARCH));
        send(added("u1", "e2", "0.66", "EUR", "2026-03-31T23:59:59Z"));

        assertThat(total("u1", 2026, 3, "EUR")).hasValue(new MonthlyTotal("u1", 2026, 3, "EUR", new BigDecimal("13.00"), 2));
    }

    @Test
    void differentCurrenciesAreKeptApart() {
        send(added("u1", "e1", "10.00", "EUR", MARCH));
        send(added("u1", "e2", "5.00", "USD", MARCH));

        assertThat(total("u1", 2026, 3, "EUR")).map(MonthlyTotal::total).hasValue(new BigDecimal("10.00"));
        assertThat(total("u1", 2026, 3, "USD")).map(MonthlyTotal::total).hasValue(new BigDecimal("5.00"));
    }

    @Test
    void differentUsersAreKeptApartEvenWithTheSameExpenseId() {
        send(added("u1", "e1", "10.00", "EUR", MARCH));
        send(added("u2", "e1", "7.00", "EUR", MARCH));
        send(deleted("u2", "e1", 2));

        assertThat(total("u1", 2026, 3, "EUR")).map(MonthlyTotal::count).hasValue(1L);
        assertThat(total("u2", 2026, 3, "EUR")).map(MonthlyTotal::count).hasValue(0L);
    }

    @Test
    void anUpdateReplacesTheAmount() {
        send(added("u1", "e1", "12.34", "EUR", MARCH));
        send(updated("u1", "e1", 2, "20.00", "EUR", MARCH));

        assertThat(total("u1", 2026, 3, "EUR")).hasValue(new MonthlyTotal("u1", 2026, 3, "EUR", new BigDecimal("20.00"), 1));
    }

    @Test
    void anUpdateToAnotherMonthMovesTheAmount() {
        send(added("u1", "e1", "12.34", "EUR", MARCH));
        send(added("u1", "e2", "1.00", "EUR", MARCH));
        send(updated("u1", "e1", 2, "12.34", "EUR", APRIL));

        assertThat(total("u1", 2026, 3, "EUR")).hasValue(new MonthlyTotal("u1", 2026, 3, "EUR", new BigDecimal("1.00"), 1));
        assertThat(total("u1", 2026, 4, "EUR")).hasValue(new MonthlyTotal("u1", 2026, 4, "EUR", new BigDecimal("12.34"), 1));
    }

    @Test
    void anUpdateToAnotherCurrencyMovesTheAmount() {
        send(added("u1", "e1", "12.34", "EUR", MARCH));
        send(updated("u1", "e1", 2, "15.00", "USD", MARCH));

        assertThat(total("u1", 2026, 3, "EUR")).map(MonthlyTotal::count).hasValue(0L);
        assertThat(total("u1", 2026, 3, "USD")).map(MonthlyTotal::total).hasValue(new BigDecimal("15.00"));
    }

    @Test
    void aDeleteLeavesAZeroTotalAndZeroCount() {
        send(added("u1", "e1", "12.34", "EUR", MARCH));
        send(deleted("u1", "e1", 2));

        assertThat(total("u1", 2026, 3, "EUR")).hasValue(new MonthlyTotal("u1", 2026, 3, "EUR", new BigDecimal("0.00"), 0));
    }

    @Test
    void aDuplicateEventIsCountedOnce() {
        Event add = added("u1", "e1", "12.34", "EUR", MARCH);
        send(add);
        send(add);
        send(updated("u1", "e1", 2, "20.00", "EUR", MARCH));
        send(updated("u1", "e1", 2, "20.00", "EUR", MARCH));

        assertThat(total("u1", 2026, 3, "EUR")).hasValue(new MonthlyTotal("u1", 2026, 3, "EUR", new BigDecimal("20.00"), 1));
    }

    @Test
    void anUpdateArrivingBeforeItsAddConvergesToTheUpdate() {
        send(updated("u1", "e1", 2, "20.00", "EUR", APRIL));
        send(added("u1", "e1", "12.34", "EUR", MARCH));

        assertThat(total("u1", 2026, 4, "EUR")).hasValue(new MonthlyTotal("u1", 2026, 4, "EUR", new BigDecimal("20.00"), 1));
        assertThat(total("u1", 2026, 3, "EUR").map(MonthlyTotal::count).orElse(0L)).isZero();
    }

    @Test
    void aDeleteArrivingBeforeItsAddKeepsTheExpenseDeleted() {
        send(deleted("u1", "e1", 2));
        send(added("u1", "e1", "12.34", "EUR", MARCH));
        send(added("u1", "e2", "1.00", "EUR", MARCH));

        assertThat(total("u1", 2026, 3, "EUR")).hasValue(new MonthlyTotal("u1", 2026, 3, "EUR", new BigDecimal("1.00"), 1));
    }

    @Test
    void aCategorizationLeavesTheTotalsAloneAndEmitsNothing() {
        send(added("u1", "e1", "12.34", "EUR", MARCH));
        topology.readRecords();

        send(Event.create("u1", "test", new ExpenseCategorized("e1", 1, "0190a000-0000-7000-8000-0000000000c1",
                "rule", List.of("coffee"), "r1", "rules-applied")));

        assertThat(topology.readRecords()).isEmpty();
        assertThat(total("u1", 2026, 3, "EUR")).hasValue(new MonthlyTotal("u1", 2026, 3, "EUR", new BigDecimal("12.34"), 1));
    }

    @Test
    void aMalformedRecordIsSkippedAndProcessingContinues() {
        topology.sendRaw("u1", "not an event".getBytes(StandardCharsets.UTF_8));
        topology.sendRaw("u1", "{\"type\":\"expense.added\",\"data\":{}}".getBytes(StandardCharsets.UTF_8));
        send(added("u1", "e1", "12.34", "EUR", MARCH));

        assertThat(total("u1", 2026, 3, "EUR")).hasValue(new MonthlyTotal("u1", 2026, 3, "EUR", new BigDecimal("12.34"), 1));
    }

    @Test
    void anExpenseThatCannotBeTotalledIsSkippedAndProcessingContinues() {
        send(added("u1", "e1", "1.001", "EUR", MARCH));
        send(added("u1", "e2", "1.00", "XYZ", MARCH));
        send(added("u1", "e3", "2.50", "EUR", MARCH));

        assertThat(total("u1", 2026, 3, "EUR")).hasValue(new MonthlyTotal("u1", 2026, 3, "EUR", new BigDecimal("2.50"), 1));
    }

    @Test
    void amountsStayExactToTheCentOverManyAdds() {
        for (int i = 0; i < 1000; i++) {
            send(added("u1", "e" + i, "0.10", "EUR", MARCH));
        }

        assertThat(total("u1", 2026, 3, "EUR")).hasValue(new MonthlyTotal("u1", 2026, 3, "EUR", new BigDecimal("100.00"), 1000));
    }

    @Test
    void aCurrencyWithoutDecimalsIsTotalledInWholeUnits() {
        send(added("u1", "e1", "1500", "JPY", MARCH));
        send(added("u1", "e2", "250", "JPY", MARCH));

        assertThat(total("u1", 2026, 3, "JPY")).map(MonthlyTotal::total).hasValue(new BigDecimal("1750"));
    }

    @Test
    void everyRecordIsKeyedByItsUser() {
        send(added("u1", "e1", "1.00", "EUR", MARCH));
        send(added("u2", "e2", "1.00", "EUR", MARCH));

        assertThat(topology.readRecords()).isNotEmpty().allSatisfy(kv -> assertThat(kv.key).isEqualTo(kv.value.userId()));
    }

    private void send(Event event) {
        topology.send(event);
    }

    private Optional<MonthlyTotal> total(String userId, int year, int month, String currency) {
        return topology.total(userId, year, month, currency);
    }
}
