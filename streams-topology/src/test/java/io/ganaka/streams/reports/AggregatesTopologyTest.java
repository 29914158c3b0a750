package io.ganaka.streams.reports;

import static io.ganaka.streams.reports.ExpenseEvents.added;
import static io.ganaka.streams.reports.ExpenseEvents.categorized;
import static io.ganaka.streams.reports.ExpenseEvents.deleted;
import static io.ganaka.streams.reports.ExpenseEvents.registered;
import static io.ganaka.streams.reports.ExpenseEvents.timezoneChanged;
import static io.ganaka.streams.reports.ExpenseEvents.updated;
import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.CategoryTotal;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.MonthlyTotal;
import io.ganaka.schemas.SummaryTotal;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the aggregates topology promises, through the test driver with in-memory stores. */
class AggregatesTopologyTest {

    private static final String MARCH = "2026-03-15T12:00:00Z";
    private static final String APRIL = "2026-04-02T08:00:00Z";
    private static final String FOOD = "0190a000-0000-7000-8000-0000000000f1";
    private static final String FUN = "0190a000-0000-7000-8000-0000000000f2";

    @TempDir
    Path stateDir;

    private AggregatesHarness topology;

    @BeforeEach
    void startDriver() {
        topology = new AggregatesHarness(stateDir);
    }

    @AfterEach
    void closeDriver() {
        topology.close();
    }

    // --- monthly totals

    @Test
    void anAddedExpenseBecomesItsMonthsTotalWithItselfAsMinAndMax() {
        send(added("u1", "e1", "12.34", "EUR", MARCH));

        assertThat(monthly("u1", 2026, 3, "EUR")).hasValue(month("u1", 3, "EUR", "12.34", 1, "12.34", "12.34"));
    }

    @Test
    void twoAddsInTheSameMonthAreSummedWithTheirExtremes() {
        send(added("u1", "e1", "12.34", "EUR", MARCH));
        send(added("u1", "e2", "0.66", "EUR", "2026-03-31T23:59:59Z"));

        assertThat(monthly("u1", 2026, 3, "EUR")).hasValue(month("u1", 3, "EUR", "13.00", 2, "0.66", "12.34"));
    }

    @Test
    void differentCurrenciesAreKeptApart() {
        send(added("u1", "e1", "10.00", "EUR", MARCH));
        send(added("u1", "e2", "5.00", "USD", MARCH));

        assertThat(monthly("u1", 2026, 3, "EUR")).map(MonthlyTotal::total).hasValue(new BigDecimal("10.00"));
        assertThat(monthly("u1", 2026, 3, "USD")).map(MonthlyTotal::total).hasValue(new BigDecimal("5.00"));
    }

    @Test
    void differentUsersAreKeptApartEvenWithTheSameExpenseId() {
        send(added("u1", "e1", "10.00", "EUR", MARCH));
        send(added("u2", "e1", "7.00", "EUR", MARCH));
        send(deleted("u2", "e1", 2));

        assertThat(monthly("u1", 2026, 3, "EUR")).map(MonthlyTotal::count).hasValue(1L);
        assertThat(monthly("u2", 2026, 3, "EUR")).map(MonthlyTotal::count).hasValue(0L);
    }

    @Test
    void anUpdateReplacesTheAmountAndTheExtremes() {
        send(added("u1", "e1", "12.34", "EUR", MARCH));
        send(added("u1", "e2", "5.00", "EUR", MARCH));
        send(updated("u1", "e1", 2, "2.00", "EUR", MARCH));

        assertThat(monthly("u1", 2026, 3, "EUR")).hasValue(month("u1", 3, "EUR", "7.00", 2, "2.00", "5.00"));
    }

    @Test
    void removingTheLargestExpenseMakesTheNextLargestTheMax() {
        send(added("u1", "e1", "9.00", "EUR", MARCH));
        send(added("u1", "e2", "9.00", "EUR", MARCH));
        send(added("u1", "e3", "3.00", "EUR", MARCH));
        send(deleted("u1", "e1", 2));

        assertThat(monthly("u1", 2026, 3, "EUR")).hasValue(month("u1", 3, "EUR", "12.00", 2, "3.00", "9.00"));

        send(deleted("u1", "e2", 2));

        assertThat(monthly("u1", 2026, 3, "EUR")).hasValue(month("u1", 3, "EUR", "3.00", 1, "3.00", "3.00"));
    }

    @Test
    void anUpdateToAnotherMonthMovesTheAmount() {
        send(added("u1", "e1", "12.34", "EUR", MARCH));
        send(added("u1", "e2", "1.00", "EUR", MARCH));
        send(updated("u1", "e1", 2, "12.34", "EUR", APRIL));

        assertThat(monthly("u1", 2026, 3, "EUR")).hasValue(month("u1", 3, "EUR", "1.00", 1, "1.00", "1.00"));
        assertThat(monthly("u1", 2026, 4, "EUR")).hasValue(month("u1", 4, "EUR", "12.34", 1, "12.34", "12.34"));
    }

    @Test
    void anUpdateToAnotherCurrencyMovesTheAmount() {
        send(added("u1", "e1", "12.34", "EUR", MARCH));
        send(updated("u1", "e1", 2, "15.00", "USD", MARCH));

        assertThat(monthly("u1", 2026, 3, "EUR")).hasValue(new MonthlyTotal("u1", 2026, 3, "EUR", new BigDecimal("0.00"), 0));
        assertThat(monthly("u1", 2026, 3, "USD")).map(MonthlyTotal::total).hasValue(new BigDecimal("15.00"));
    }

    @Test
    void aDeleteLeavesAZeroTotalWithZeroCountAndNoExtremes() {
        send(added("u1", "e1", "12.34", "EUR", MARCH));
        send(deleted("u1", "e1", 2));

        assertThat(monthly("u1", 2026, 3, "EUR")).hasValue(new MonthlyTotal("u1", 2026, 3, "EUR", new BigDecimal("0.00"), 0));
    }

    @Test
    void aDuplicateEventIsCountedOnce() {
        Event add = added("u1", "e1", "12.34", "EUR", MARCH);
        send(add);
        send(add);
        send(updated("u1", "e1", 2, "20.00", "EUR", MARCH));
        send(updated("u1", "e1", 2, "20.00", "EUR", MARCH));

        assertThat(monthly("u1", 2026, 3, "EUR")).hasValue(month("u1", 3, "EUR", "20.00", 1, "20.00", "20.00"));
        assertThat(summary("u1", "EUR")).map(SummaryTotal::count).hasValue(1L);
    }

    @Test
    void anUpdateArrivingBeforeItsAddConvergesToTheUpdate() {
        send(updated("u1", "e1", 2, "20.00", "EUR", APRIL));
        send(added("u1", "e1", "12.34", "EUR", MARCH));

        assertThat(monthly("u1", 2026, 4, "EUR")).map(MonthlyTotal::total).hasValue(new BigDecimal("20.00"));
        assertThat(monthly("u1", 2026, 3, "EUR").map(MonthlyTotal::count).orElse(0L)).isZero();
    }

    @Test
    void aDeleteArrivingBeforeItsAddKeepsTheExpenseDeleted() {
        send(deleted("u1", "e1", 2));
        send(added("u1", "e1", "12.34", "EUR", MARCH));
        send(added("u1", "e2", "1.00", "EUR", MARCH));

        assertThat(monthly("u1", 2026, 3, "EUR")).map(MonthlyTotal::total).hasValue(new BigDecimal("1.00"));
        assertThat(summary("u1", "EUR")).map(SummaryTotal::count).hasValue(1L);
    }

    @Test
    void amountsStayExactToTheCentOverManyAdds() {
        for (int i = 0; i < 1000; i++) {
            send(added("u1", "e" + i, "0.10", "EUR", MARCH));
        }

        assertThat(monthly("u1", 2026, 3, "EUR")).map(MonthlyTotal::total).hasValue(new BigDecimal("100.00"));
    }

    @Test
    void aCurrencyWithoutDecimalsIsTotalledInWholeUnits() {
        send(added("u1", "e1", "1500", "JPY", MARCH));
        send(added("u1", "e2", "250", "JPY", MARCH));

        assertThat(monthly("u1", 2026, 3, "JPY")).hasValue(month("u1", 3, "JPY", "1750", 2, "250", "1500"));
    }

    // --- category totals

    @Test
    void anExpenseWithoutCategoryCountsAsUncategorized() {
        send(added("u1", "e1", "4.00", "EUR", MARCH));

        assertThat(category("u1", 3, null, "EUR")).hasValue(categoryTotal("u1", 3, null, "EUR", "4.00", 1, "4.00", "4.00"));
    }

    @Test
    void anExplicitCategoryIsTotalledUnderThatCategory() {
        send(added("u1", "e1", "4.00", "EUR", MARCH, FOOD));
        send(added("u1", "e2", "6.00", "EUR", MARCH, FOOD));

        assertThat(category("u1", 3, FOOD, "EUR")).hasValue(categoryTotal("u1", 3, FOOD, "EUR", "10.00", 2, "4.00", "6.00"));
    }

    @Test
    void aCategorizationMovesTheExpenseFromUncategorizedAndLeavesTheMonthlyTotalAlone() {
        send(added("u1", "e1", "4.00", "EUR", MARCH));
        send(categorized("u1", "e1", 1, FOOD));

        assertThat(category("u1", 3, null, "EUR")).hasValue(categoryTotal("u1", 3, null, "EUR", "0.00", 0, null, null));
        assertThat(category("u1", 3, FOOD, "EUR")).hasValue(categoryTotal("u1", 3, FOOD, "EUR", "4.00", 1, "4.00", "4.00"));
        assertThat(monthly("u1", 2026, 3, "EUR")).hasValue(month("u1", 3, "EUR", "4.00", 1, "4.00", "4.00"));
    }

    @Test
    void aCategorizationOfAnOlderVersionIsIgnored() {
        send(added("u1", "e1", "4.00", "EUR", MARCH));
        send(updated("u1", "e1", 2, "5.00", "EUR", MARCH, FUN));
        send(categorized("u1", "e1", 1, FOOD));

        assertThat(category("u1", 3, FUN, "EUR")).hasValue(categoryTotal("u1", 3, FUN, "EUR", "5.00", 1, "5.00", "5.00"));
        assertThat(category("u1", 3, FOOD, "EUR")).isEmpty();
    }

    @Test
    void aCategorizationOfADeletedExpenseIsIgnored() {
        send(added("u1", "e1", "4.00", "EUR", MARCH));
        send(deleted("u1", "e1", 2));
        send(categorized("u1", "e1", 2, FOOD));

        assertThat(category("u1", 3, FOOD, "EUR")).isEmpty();
        assertThat(category("u1", 3, null, "EUR")).map(CategoryTotal::count).hasValue(0L);
    }

    @Test
    void aCategorizationClearingTheCategoryMovesTheExpenseToUncategorized() {
        send(added("u1", "e1", "4.00", "EUR", MARCH));
        send(categorized("u1", "e1", 1, FOOD));
        send(categorized("u1", "e1", 1, null));

        assertThat(category("u1", 3, FOOD, "EUR")).map(CategoryTotal::count).hasValue(0L);
        assertThat(category("u1", 3, null, "EUR")).hasValue(categoryTotal("u1", 3, null, "EUR", "4.00", 1, "4.00", "4.00"));
    }

    @Test
    void anUpdateToAnotherCategoryMovesTheAmount() {
        send(added("u1", "e1", "4.00", "EUR", MARCH, FOOD));
        send(updated("u1", "e1", 2, "4.50", "EUR", MARCH, FUN));

        assertThat(category("u1", 3, FOOD, "EUR")).hasValue(categoryTotal("u1", 3, FOOD, "EUR", "0.00", 0, null, null));
        assertThat(category("u1", 3, FUN, "EUR")).hasValue(categoryTotal("u1", 3, FUN, "EUR", "4.50", 1, "4.50", "4.50"));
    }

    @Test
    void anUpdateToAnotherMonthMovesTheCategoryTotal() {
        send(added("u1", "e1", "4.00", "EUR", MARCH, FOOD));
        send(updated("u1", "e1", 2, "4.00", "EUR", APRIL, FOOD));

        assertThat(category("u1", 3, FOOD, "EUR")).map(CategoryTotal::count).hasValue(0L);
        assertThat(category("u1", 4, FOOD, "EUR")).hasValue(categoryTotal("u1", 4, FOOD, "EUR", "4.00", 1, "4.00", "4.00"));
    }

    // --- all-time summary

    @Test
    void theSummaryTotalsEveryMonthOfOneCurrency() {
        send(added("u1", "e1", "4.00", "EUR", MARCH));
        send(added("u1", "e2", "6.00", "EUR", APRIL));
        send(added("u1", "e3", "1.00", "USD", APRIL));

        assertThat(summary("u1", "EUR")).hasValue(new SummaryTotal("u1", "EUR", new BigDecimal("10.00"), 2,
                new BigDecimal("4.00"), new BigDecimal("6.00")));
        assertThat(summary("u1", "USD")).map(SummaryTotal::total).hasValue(new BigDecimal("1.00"));
    }

    @Test
    void theSummaryIsUnchangedByAMoveBetweenMonthsAndFallsToZeroAfterDeletes() {
        send(added("u1", "e1", "4.00", "EUR", MARCH));
        send(updated("u1", "e1", 2, "4.00", "EUR", APRIL));

        assertThat(summary("u1", "EUR")).map(SummaryTotal::total).hasValue(new BigDecimal("4.00"));

        send(deleted("u1", "e1", 3));

        assertThat(summary("u1", "EUR")).hasValue(new SummaryTotal("u1", "EUR", new BigDecimal("0.00"), 0, null, null));
    }

    // --- months in the user's time zone

    @Test
    void theMonthIsTakenInTheUsersTimeZone() {
        send(registered("u1", "Asia/Kolkata"));
        // 23:30 UTC on 31 March is 05:00 on 1 April in India.
        send(added("u1", "e1", "1.00", "EUR", "2026-03-31T23:30:00Z"));

        assertThat(monthly("u1", 2026, 4, "EUR")).map(MonthlyTotal::count).hasValue(1L);
        assertThat(monthly("u1", 2026, 3, "EUR")).isEmpty();
        assertThat(category("u1", 4, null, "EUR")).map(CategoryTotal::count).hasValue(1L);
    }

    @Test
    void aUserWestOfUtcCountsTheFirstHoursOfAMonthInThePreviousOne() {
        send(registered("u1", "America/New_York"));
        send(added("u1", "e1", "1.00", "EUR", "2026-04-01T02:00:00Z"));

        assertThat(monthly("u1", 2026, 3, "EUR")).map(MonthlyTotal::count).hasValue(1L);
    }

    @Test
    void aUserWithoutATimeZoneCountsInUtc() {
        send(registered("u1", null));
        send(added("u1", "e1", "1.00", "EUR", "2026-03-31T23:30:00Z"));
        send(added("u2", "e2", "1.00", "EUR", "2026-03-31T23:30:00Z"));

        assertThat(monthly("u1", 2026, 3, "EUR")).map(MonthlyTotal::count).hasValue(1L);
        assertThat(monthly("u2", 2026, 3, "EUR")).map(MonthlyTotal::count).hasValue(1L);
    }

    @Test
    void anUnknownTimeZoneFallsBackToUtc() {
        send(registered("u1", "Mars/Olympus_Mons"));
        send(added("u1", "e1", "1.00", "EUR", "2026-03-31T23:30:00Z"));

        assertThat(monthly("u1", 2026, 3, "EUR")).map(MonthlyTotal::count).hasValue(1L);
    }

    @Test
    void aChangedTimeZoneAppliesToVersionsProcessedAfterIt() {
        send(registered("u1", "UTC"));
        send(added("u1", "e1", "1.00", "EUR", "2026-03-31T23:30:00Z"));
        send(added("u1", "e2", "2.00", "EUR", "2026-03-31T23:30:00Z"));
        send(timezoneChanged("u1", "Asia/Kolkata"));
        send(updated("u1", "e2", 2, "2.00", "EUR", "2026-03-31T23:30:00Z"));

        assertThat(monthly("u1", 2026, 3, "EUR")).map(MonthlyTotal::total).hasValue(new BigDecimal("1.00"));
        assertThat(monthly("u1", 2026, 4, "EUR")).map(MonthlyTotal::total).hasValue(new BigDecimal("2.00"));
    }

    // --- robustness and shape

    @Test
    void aMalformedRecordIsSkippedAndProcessingContinues() {
        topology.sendRaw("u1", "not an event".getBytes(StandardCharsets.UTF_8));
        topology.sendRaw("u1", "{\"type\":\"expense.added\",\"data\":{}}".getBytes(StandardCharsets.UTF_8));
        send(added("u1", "e1", "12.34", "EUR", MARCH));

        assertThat(monthly("u1", 2026, 3, "EUR")).map(MonthlyTotal::total).hasValue(new BigDecimal("12.34"));
    }

    @Test
    void anExpenseThatCannotBeTotalledIsSkippedAndProcessingContinues() {
        send(added("u1", "e1", "1.001", "EUR", MARCH));
        send(added("u1", "e2", "1.00", "XYZ", MARCH));
        send(added("u1", "e3", "2.50", "EUR", MARCH));

        assertThat(monthly("u1", 2026, 3, "EUR")).map(MonthlyTotal::total).hasValue(new BigDecimal("2.50"));
        assertThat(topology.monthlyTotals()).hasSize(1);
    }

    @Test
    void everyReportIsKeyedByItsUser() {
        send(added("u1", "e1", "1.00", "EUR", MARCH));
        send(added("u2", "e2", "1.00", "EUR", MARCH));

        assertThat(topology.readMonthlyRecords()).isNotEmpty().allSatisfy(kv -> assertThat(kv.key).isEqualTo(kv.value.userId()));
        assertThat(topology.readCategoryRecords()).isNotEmpty().allSatisfy(kv -> assertThat(kv.key).isEqualTo(kv.value.userId()));
        assertThat(topology.readSummaryRecords()).isNotEmpty().allSatisfy(kv -> assertThat(kv.key).isEqualTo(kv.value.userId()));
    }

    private void send(Event event) {
        topology.send(event);
    }

    private Optional<MonthlyTotal> monthly(String userId, int year, int month, String currency) {
        return topology.monthly(userId, year, month, currency);
    }

    private Optional<CategoryTotal> category(String userId, int month, String categoryId, String currency) {
        return topology.category(userId, 2026, month, categoryId, currency);
    }

    private Optional<SummaryTotal> summary(String userId, String currency) {
        return topology.summary(userId, currency);
    }

    private static MonthlyTotal month(String userId, int month, String currency, String total, long count, String min,
            String max) {
        return new MonthlyTotal(userId, 2026, month, currency, new BigDecimal(total), count, amount(min), amount(max));
    }

    private static CategoryTotal categoryTotal(String userId, int month, String categoryId, String currency, String total,
            long count, String min, String max) {
        return new CategoryTotal(userId, 2026, month, categoryId, currency, new BigDecimal(total), count, amount(min),
                amount(max));
    }

    private static BigDecimal amount(String decimal) {
        return decimal == null ? null : new BigDecimal(decimal);
    }
}
