package io.ganaka.schemas.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.schemas.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DashboardDraftTest {

    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final Instant NOON = Instant.parse("2026-03-15T12:00:00Z");

    private static DashboardDraft empty() {
        return new DashboardDraft("u1", MARCH, "Europe/Berlin");
    }

    private static ExpenseItem expense(int n, long version, int minutes) {
        return new ExpenseItem(String.format("00000000-0000-0000-0000-%012d", n), version, "1.00", "EUR", "e" + n,
                null, NOON.plusSeconds(60L * minutes), null, "none", List.of());
    }

    private static List<String> ids(DashboardDraft draft) {
        return draft.toState(1).dashboard().latestExpenses().stream().map(ExpenseItem::id).toList();
    }

    @Test
    void keepsTheTwentyNewestExpensesNewestFirst() {
        DashboardDraft draft = empty();
        for (int i = 1; i <= 25; i++) {
            draft.applyExpense(expense(i, 1, i));
        }
        List<ExpenseItem> shown = draft.toState(1).dashboard().latestExpenses();
        assertThat(shown).hasSize(20);
        assertThat(shown.get(0).description()).isEqualTo("e25");
        assertThat(shown.get(19).description()).isEqualTo("e6");
        assertThat(draft.toState(1).moreExpenses()).isTrue();
    }

    @Test
    void anOlderVersionNeverReplacesANewerOne() {
        DashboardDraft draft = empty();
        draft.applyExpense(expense(1, 2, 10));
        draft.applyExpense(expense(1, 1, 50));
        assertThat(draft.toState(1).dashboard().latestExpenses()).containsExactly(expense(1, 2, 10));
    }

    @Test
    void aDeletedExpenseStaysGoneWhenAnOlderVersionArrivesLate() {
        DashboardDraft draft = empty();
        draft.applyDeletion(expense(1, 1, 0).id(), 2);
        draft.applyExpense(expense(1, 1, 0));
        assertThat(draft.toState(1).dashboard().latestExpenses()).isEmpty();
    }

    @Test
    void aCategorizationAppliesOnlyToTheVersionItWasMadeFor() {
        DashboardDraft draft = empty();
        draft.applyExpense(expense(1, 2, 0));
        draft.applyCategorization(expense(1, 2, 0).id(), 1, "c-old", "rule", List.of("old"));
        assertThat(draft.toState(1).dashboard().latestExpenses().get(0).categoryId()).isNull();
        draft.applyCategorization(expense(1, 2, 0).id(), 2, "c-new", "rule", List.of("x"));
        assertThat(draft.toState(1).dashboard().latestExpenses().get(0).categoryId()).isEqualTo("c-new");
        assertThat(draft.toState(1).dashboard().latestExpenses().get(0).tags()).containsExactly("x");
    }

    @Test
    void aDeleteThatShortensAFullListAsksForARefillWhichBringsBackTheNextNewest() {
        DashboardDraft draft = empty();
        List<ExpenseItem> all = new ArrayList<>();
        for (int i = 1; i <= 22; i++) {
            all.add(expense(i, 1, i));
            draft.applyExpense(all.get(i - 1));
        }
        draft.applyDeletion(all.get(21).id(), 2);
        assertThat(draft.needsExpenseRefill()).isTrue();

        List<ExpenseItem> db = new ArrayList<>(all.subList(0, 21));
        Collections.reverse(db); // the database's newest 21 live rows, newest first
        draft.mergeExpenses(db);

        assertThat(draft.needsExpenseRefill()).isFalse();
        assertThat(ids(draft)).hasSize(20).first().isEqualTo(all.get(20).id());
        assertThat(ids(draft)).last().isEqualTo(all.get(1).id());
    }

    @Test
    void anUpdateMovingAnExpenseBehindTheListLeavesItOffUntilTheDatabaseSaysWhereItBelongs() {
        DashboardDraft draft = empty();
        for (int i = 1; i <= 21; i++) {
            draft.applyExpense(expense(i, 1, 100 + i));
        }
        draft.applyExpense(expense(21, 2, 0)); // the newest now dates back before every other
        assertThat(ids(draft)).doesNotContain(expense(21, 1, 0).id()).hasSize(19);
        assertThat(draft.needsExpenseRefill()).isTrue();
    }

    @Test
    void knowsTheVersionOfEveryExpenseItAppliedOnTheListOrOffIt() {
        DashboardDraft draft = empty();
        for (int i = 1; i <= 21; i++) {
            draft.applyExpense(expense(i, 1, i)); // the oldest, number 1, falls off the end
        }
        draft.applyExpense(expense(5, 3, 5));
        draft.applyDeletion(expense(30, 1, 0).id(), 2); // deleted before the dashboard saw it live

        assertThat(draft.expenseVersions()).hasSize(22)
                .containsEntry(expense(1, 1, 0).id(), 1L)
                .containsEntry(expense(5, 3, 0).id(), 3L)
                .containsEntry(expense(30, 1, 0).id(), 2L);
    }

    @Test
    void totalsAreAbsoluteAndOnlyForTheDashboardsMonth() {
        DashboardDraft draft = empty();
        draft.applyMonthlyTotal(2026, 3, "EUR", new BigDecimal("10.5"), 2);
        draft.applyMonthlyTotal(2026, 3, "EUR", new BigDecimal("12.3"), 3);
        draft.applyMonthlyTotal(2026, 2, "USD", new BigDecimal("99"), 1);
        draft.applyMonthlyTotal(2026, 3, "JPY", new BigDecimal("500"), 1);
        draft.applyMonthlyTotal(2026, 3, "JPY", BigDecimal.ZERO, 0);
        assertThat(draft.toState(1).dashboard().totals()).containsExactly(new Dashboard.Total("EUR", "12.30", 3));
    }

    @Test
    void categoryLinesDropWhenTheirCountFallsToZero() {
        DashboardDraft draft = empty();
        draft.applyCategoryTotal(2026, 3, null, "EUR", new BigDecimal("4"), 1);
        draft.applyCategoryTotal(2026, 3, "c1", "EUR", new BigDecimal("9"), 1);
        draft.applyCategoryTotal(2026, 3, "c1", "EUR", BigDecimal.ZERO, 0);
        assertThat(draft.toState(1).dashboard().categories())
                .containsExactly(new Dashboard.CategoryLine(null, "EUR", "4.00", 1));
    }

    @Test
    void aRecordAtAnOffsetAlreadyAppliedIsSeenOnlyOnce() {
        DashboardDraft draft = empty();
        assertThat(draft.firstSight("t-0", 5)).isTrue();
        assertThat(draft.firstSight("t-0", 5)).isFalse();
        assertThat(draft.firstSight("t-0", 3)).isFalse();
        assertThat(draft.firstSight("t-1", 3)).isTrue();
    }

    @Test
    void alertsAreKeptOnceNewestFirstAndLeaveWhenDismissed() {
        DashboardDraft draft = empty();
        AlertItem older = alert("a1", 0);
        AlertItem newer = alert("a2", 5);
        draft.applyAlert(older);
        draft.applyAlert(newer);
        draft.applyAlert(older);
        assertThat(draft.toState(1).dashboard().alerts()).containsExactly(newer, older);
        draft.removeAlert("a2");
        assertThat(draft.toState(1).dashboard().alerts()).containsExactly(older);
    }

    @Test
    void anyOrderOfTheSameVersionedChangesConvergesOnTheSameList() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            List<Object[]> changes = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                changes.add(new Object[] {expense(i, 1, i)});
                changes.add(new Object[] {expense(i, 2, 20 - i)});
                if (i % 3 == 0) {
                    changes.add(new Object[] {expense(i, 1, 0).id(), 3L});
                }
            }
            DashboardDraft inOrder = empty();
            changes.forEach(c -> apply(inOrder, c));
            Collections.shuffle(changes, random);
            DashboardDraft shuffled = empty();
            changes.forEach(c -> apply(shuffled, c));
            changes.forEach(c -> apply(shuffled, c)); // and every change delivered twice
            assertThat(shuffled.toState(1).dashboard()).isEqualTo(inOrder.toState(1).dashboard());
        }
    }

    @Test
    void aStateSurvivesItsJsonRoundTrip() throws Exception {
        DashboardDraft draft = empty();
        draft.applyExpense(expense(1, 1, 0));
        draft.applyDeletion("gone", 4);
        draft.applyAlert(alert("a1", 0));
        draft.applyMonthlyTotal(2026, 3, "EUR", new BigDecimal("1"), 1);
        draft.firstSight("t-0", 9);
        DashboardState state = draft.toState(42);

        JsonNode json = Json.MAPPER.valueToTree(state);
        DashboardState back = Json.MAPPER.treeToValue(json, DashboardState.class);

        assertThat(back).isEqualTo(state);
        assertThat(DashboardDraft.of(back).toState(42)).isEqualTo(state);
    }

    @Test
    void versionsGrowWithTheClockAndAlwaysByAtLeastOne() {
        assertThat(DashboardKeys.nextVersion(5, 1_000)).isEqualTo(1_000);
        assertThat(DashboardKeys.nextVersion(2_000, 1_000)).isEqualTo(2_001);
    }

    private static void apply(DashboardDraft draft, Object[] change) {
        if (change[0] instanceof ExpenseItem item) {
            draft.applyExpense(item);
        } else {
            draft.applyDeletion((String) change[0], (Long) change[1]);
        }
    }

    private static AlertItem alert(String id, int minutes) {
        return new AlertItem(id, "high-value", null, null, "EUR", "1500.00", "1000.00", null, null, null, "big",
                NOON.plusSeconds(60L * minutes));
    }
}
