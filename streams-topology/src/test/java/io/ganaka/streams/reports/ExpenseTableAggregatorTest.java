package io.ganaka.streams.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExpenseTableAggregatorTest {

    private final ExpenseTableAggregator aggregator = new ExpenseTableAggregator();
    private final ExpenseKey key = new ExpenseKey("u1", "e1");
    private final ExpenseState v1 = ExpenseState.live("u1", "e1", 1, "EUR", 1000, 2026, 3, null);
    private final ExpenseState v2 = ExpenseState.live("u1", "e1", 2, "EUR", 2500, 2026, 4, "c9");
    private final Categorization foodForV1 = new Categorization("u1", "e1", 1, "c1", "rule", List.of("lunch"));

    @Test
    void takesTheFirstVersionOverNothing() {
        assertThat(aggregator.apply(key, ExpenseFact.of(v1), ExpenseState.unknown())).isEqualTo(v1);
    }

    @Test
    void takesANewerVersion() {
        assertThat(aggregator.apply(key, ExpenseFact.of(v2), v1)).isEqualTo(v2);
    }

    @Test
    void ignoresAnOlderVersion() {
        assertThat(aggregator.apply(key, ExpenseFact.of(v1), v2)).isEqualTo(v2);
    }

    @Test
    void ignoresTheSameVersionSoADuplicateKeepsItsCategorization() {
        ExpenseState categorized = v1.categorized(foodForV1);
        assertThat(aggregator.apply(key, ExpenseFact.of(v1), categorized)).isEqualTo(categorized);
    }

    @Test
    void keepsADeleteAgainstALateOlderAdd() {
        ExpenseState deleted = ExpenseState.deleted("u1", "e1", 2);
        assertThat(aggregator.apply(key, ExpenseFact.of(v1), deleted)).isEqualTo(deleted);
    }

    @Test
    void appliesACategorizationOfTheCurrentVersion() {
        ExpenseState result = aggregator.apply(key, ExpenseFact.of(foodForV1), v1);
        assertThat(result).isEqualTo(new ExpenseState("u1", "e1", 1, false, "EUR", 1000, 2026, 3, "c1", "rule", List.of("lunch")));
    }

    @Test
    void ignoresACategorizationOfAnOlderVersion() {
        assertThat(aggregator.apply(key, ExpenseFact.of(foodForV1), v2)).isEqualTo(v2);
    }

    @Test
    void ignoresACategorizationOfAVersionNotSeenYet() {
        assertThat(aggregator.apply(key, ExpenseFact.of(foodForV1), ExpenseState.unknown())).isEqualTo(ExpenseState.unknown());
    }

    @Test
    void ignoresACategorizationOfADeletedExpense() {
        ExpenseState deleted = ExpenseState.deleted("u1", "e1", 1);
        assertThat(aggregator.apply(key, ExpenseFact.of(foodForV1), deleted)).isEqualTo(deleted);
    }
}
