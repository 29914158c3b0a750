package io.ganaka.streams.reports;

import static io.ganaka.streams.reports.ExpenseEvents.added;
import static io.ganaka.streams.reports.ExpenseEvents.categorized;
import static io.ganaka.streams.reports.ExpenseEvents.deleted;
import static io.ganaka.streams.reports.ExpenseEvents.updated;
import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.CategoryTotal;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.MonthlyTotal;
import io.ganaka.schemas.SummaryTotal;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smallest and largest live expense of every report bucket, through the test driver: adds, deletes of the current
 * extreme, moves between months and categories, duplicates, reordering and equal amounts.
 */
class AggregatesExtremesTest {

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

    @Test
    void theSmallestAndLargestExpenseAreTheMinAndMaxOfEveryReport() {
        send(added("u1", "e1", "7.00", "EUR", MARCH, FOOD));
        send(added("u1", "e2", "2.50", "EUR", MARCH, FOOD));
        send(added("u1", "e3", "40.00", "EUR", APRIL, FOOD));

        assertThat(monthExtremes(3)).containsExactly("2.50", "7.00");
        assertThat(categoryExtremes(3, FOOD)).containsExactly("2.50", "7.00");
        assertThat(summaryExtremes()).containsExactly("2.50", "40.00");
    }

    @Test
    void deletingTheSmallestExpenseMakesTheNextSmallestTheMin() {
        send(added("u1", "e1", "7.00", "EUR", MARCH));
        send(added("u1", "e2", "2.50", "EUR", MARCH));
        send(added("u1", "e3", "5.00", "EUR", MARCH));

        send(deleted("u1", "e2", 2));

        assertThat(monthExtremes(3)).containsExactly("5.00", "7.00");
        assertThat(categoryExtremes(3, null)).containsExactly("5.00", "7.00");
        assertThat(summaryExtremes()).containsExactly("5.00", "7.00");
    }

    @Test
    void deletingTheLargestExpenseMakesTheNextLargestTheMax() {
        send(added("u1", "e1", "7.00", "EUR", MARCH));
        send(added("u1", "e2", "2.50", "EUR", MARCH));
        send(added("u1", "e3", "5.00", "EUR", MARCH));

        send(deleted("u1", "e1", 2));

        assertThat(monthExtremes(3)).containsExactly("2.50", "5.00");
        assertThat(categoryExtremes(3, null)).containsExactly("2.50", "5.00");
        assertThat(summaryExtremes()).containsExactly("2.50", "5.00");
    }

    @Test
    void deletingEveryExpenseLeavesNoExtremes() {
        send(added("u1", "e1", "7.00", "EUR", MARCH));
        send(deleted("u1", "e1", 2));

        assertThat(monthExtremes(3)).containsExactly(null, null);
        assertThat(categoryExtremes(3, null)).containsExactly(null, null);
        assertThat(summaryExtremes()).containsExactly(null, null);
    }

    @Test
    void anUpdateMovingTheLargestExpenseToAnotherMonthTakesTheMaxAlong() {
        send(added("u1", "e1", "90.00", "EUR", MARCH, FOOD));
        send(added("u1", "e2", "3.00", "EUR", MARCH, FOOD));
        send(added("u1", "e3", "8.00", "EUR", APRIL, FOOD));

        send(updated("u1", "e1", 2, "90.00", "EUR", APRIL, FOOD));

        assertThat(monthExtremes(3)).containsExactly("3.00", "3.00");
        assertThat(monthExtremes(4)).containsExactly("8.00", "90.00");
        assertThat(categoryExtremes(3, FOOD)).containsExactly("3.00", "3.00");
        assertThat(categoryExtremes(4, FOOD)).containsExactly("8.00", "90.00");
        assertThat(summaryExtremes()).containsExactly("3.00", "90.00");
    }

    @Test
    void anUpdateMovingTheLargestExpenseToAnotherCategoryTakesTheMaxAlong() {
        send(added("u1", "e1", "90.00", "EUR", MARCH, FOOD));
        send(added("u1", "e2", "3.00", "EUR", MARCH, FOOD));
        send(added("u1", "e3", "8.00", "EUR", MARCH, FUN));

        send(updated("u1", "e1", 2, "90.00", "EUR", MARCH, FUN));

        assertThat(categoryExtremes(3, FOOD)).containsExactly("3.00", "3.00");
        assertThat(categoryExtremes(3, FUN)).containsExactly("8.00", "90.00");
        assertThat(monthExtremes(3)).containsExactly("3.00", "90.00");
    }

    @Test
    void aCategorizationMovesTheExtremeBetweenCategoriesAndEmitsNoMonthlyOrAllTimeReport() {
        send(added("u1", "e1", "1.00", "EUR", MARCH));
        send(added("u1", "e2", "60.00", "EUR", MARCH));
        topology.readMonthlyRecords();
        topology.readSummaryRecords();

        send(categorized("u1", "e2", 1, FOOD));

        assertThat(categoryExtremes(3, null)).containsExactly("1.00", "1.00");
        assertThat(categoryExtremes(3, FOOD)).containsExactly("60.00", "60.00");
        assertThat(topology.readMonthlyRecords()).isEmpty();
        assertThat(topology.readSummaryRecords()).isEmpty();
        assertThat(monthExtremes(3)).containsExactly("1.00", "60.00");
    }

    @Test
    void anUpdateLoweringTheLargestAmountFindsTheNextLargest() {
        send(added("u1", "e1", "90.00", "EUR", MARCH));
        send(added("u1", "e2", "30.00", "EUR", MARCH));
        send(added("u1", "e3", "10.00", "EUR", MARCH));

        send(updated("u1", "e1", 2, "20.00", "EUR", MARCH));

        assertThat(monthExtremes(3)).containsExactly("10.00", "30.00");

        send(updated("u1", "e3", 2, "95.00", "EUR", MARCH));

        assertThat(monthExtremes(3)).containsExactly("20.00", "95.00");
        assertThat(topology.monthly("u1", 2026, 3, "EUR").map(MonthlyTotal::total)).hasValue(new BigDecimal("145.00"));
    }

    @Test
    void duplicatedAddsAndDeletesChangeTheExtremesOnce() {
        Event big = added("u1", "e1", "50.00", "EUR", MARCH);
        Event small = added("u1", "e2", "5.00", "EUR", MARCH);
        send(big);
        send(small);
        send(big);
        send(added("u1", "e3", "20.00", "EUR", MARCH));
        send(deleted("u1", "e1", 2));
        send(big);
        send(deleted("u1", "e1", 2));

        assertThat(monthExtremes(3)).containsExactly("5.00", "20.00");
        assertThat(topology.monthly("u1", 2026, 3, "EUR").map(MonthlyTotal::count)).hasValue(2L);
    }

    @Test
    void versionsArrivingOutOfOrderLeaveTheExtremesOfTheNewestVersion() {
        send(added("u1", "e2", "10.00", "EUR", MARCH));
        send(updated("u1", "e1", 3, "4.00", "EUR", MARCH));
        send(updated("u1", "e1", 2, "99.00", "EUR", MARCH));
        send(added("u1", "e1", "1.00", "EUR", MARCH));

        assertThat(monthExtremes(3)).containsExactly("4.00", "10.00");
        assertThat(summaryExtremes()).containsExactly("4.00", "10.00");
    }

    @Test
    void twoExpensesWithEqualAmountsKeepTheExtremeUntilBothAreGone() {
        send(added("u1", "e1", "9.00", "EUR", MARCH));
        send(added("u1", "e2", "9.00", "EUR", MARCH));
        send(added("u1", "e3", "1.00", "EUR", MARCH));

        send(deleted("u1", "e1", 2));

        assertThat(monthExtremes(3)).containsExactly("1.00", "9.00");

        send(updated("u1", "e2", 2, "0.50", "EUR", MARCH));

        assertThat(monthExtremes(3)).containsExactly("0.50", "1.00");
    }

    /** The API takes only positive amounts; a zero or negative one from elsewhere still sorts by its value. */
    @Test
    void zeroAndNegativeAmountsSortBelowPositiveOnes() {
        send(added("u1", "e1", "3.00", "EUR", MARCH));
        send(added("u1", "e2", "0.00", "EUR", MARCH));
        send(added("u1", "e3", "-2.00", "EUR", MARCH));

        assertThat(monthExtremes(3)).containsExactly("-2.00", "3.00");

        send(deleted("u1", "e3", 2));

        assertThat(monthExtremes(3)).containsExactly("0.00", "3.00");
    }

    @Test
    void everyEmittedReportCarriesTotalCountAndExtremesOfOneMoment() {
        List<Event> history = List.of(
                added("u1", "e1", "7.00", "EUR", MARCH, FOOD),
                added("u1", "e2", "2.00", "EUR", MARCH),
                categorized("u1", "e2", 1, FOOD),
                updated("u1", "e1", 2, "1.00", "EUR", APRIL, FUN),
                added("u1", "e3", "4.00", "EUR", APRIL, FUN),
                deleted("u1", "e2", 2),
                deleted("u1", "e3", 2));
        int reports = 0;
        for (Event event : history) {
            send(event);
            for (var kv : topology.readMonthlyRecords()) {
                assertConsistent(kv.value.total(), kv.value.count(), kv.value.min(), kv.value.max());
                reports++;
            }
            for (var kv : topology.readCategoryRecords()) {
                assertConsistent(kv.value.total(), kv.value.count(), kv.value.min(), kv.value.max());
                reports++;
            }
            for (var kv : topology.readSummaryRecords()) {
                assertConsistent(kv.value.total(), kv.value.count(), kv.value.min(), kv.value.max());
                reports++;
            }
        }

        assertThat(reports).isGreaterThan(history.size());
        assertThat(monthExtremes(3)).containsExactly(null, null);
        assertThat(monthExtremes(4)).containsExactly("1.00", "1.00");
    }

    @Test
    void aBucketChangedManyTimesWithinOneCommitIntervalIsReportedOnceWithItsLatestValue() {
        send(added("u1", "e1", "7.00", "EUR", MARCH));
        send(added("u1", "e2", "2.00", "EUR", MARCH));
        send(added("u1", "e3", "9.00", "EUR", MARCH));
        send(deleted("u1", "e3", 2));

        var records = topology.readMonthlyRecords();

        assertThat(records).hasSize(1);
        assertThat(records.get(0).value).isEqualTo(new MonthlyTotal("u1", 2026, 3, "EUR", new BigDecimal("9.00"), 2,
                new BigDecimal("2.00"), new BigDecimal("7.00")));
        assertThat(topology.readMonthlyRecords()).as("nothing changed since").isEmpty();
    }

    /** No extremes without expenses; otherwise min <= max and the total lies between count * min and count * max. */
    private static void assertConsistent(BigDecimal total, long count, BigDecimal min, BigDecimal max) {
        if (count == 0) {
            assertThat(min).isNull();
            assertThat(max).isNull();
            assertThat(total.signum()).isZero();
            return;
        }
        BigDecimal n = BigDecimal.valueOf(count);
        assertThat(min).isLessThanOrEqualTo(max);
        assertThat(total).isBetween(min.multiply(n), max.multiply(n));
        if (count == 1) {
            assertThat(List.of(min, max)).containsOnly(total);
        }
    }

    private void send(Event event) {
        topology.send(event);
    }

    private List<String> monthExtremes(int month) {
        MonthlyTotal total = topology.monthly("u1", 2026, month, "EUR").orElseThrow();
        return extremes(total.min(), total.max());
    }

    private List<String> categoryExtremes(int month, String categoryId) {
        CategoryTotal total = topology.category("u1", 2026, month, categoryId, "EUR").orElseThrow();
        return extremes(total.min(), total.max());
    }

    private List<String> summaryExtremes() {
        SummaryTotal total = topology.summary("u1", "EUR").orElseThrow();
        return extremes(total.min(), total.max());
    }

    private static List<String> extremes(BigDecimal min, BigDecimal max) {
        return java.util.Arrays.asList(min == null ? null : min.toPlainString(), max == null ? null : max.toPlainString());
    }
}
