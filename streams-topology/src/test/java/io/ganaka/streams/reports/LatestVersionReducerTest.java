package io.ganaka.streams.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatestVersionReducerTest {

    private final LatestVersionReducer reducer = new LatestVersionReducer();
    private final ExpenseState v1 = ExpenseState.live("u1", "e1", 1, "EUR", 1000, 2026, 3);
    private final ExpenseState v2 = ExpenseState.live("u1", "e1", 2, "EUR", 2500, 2026, 4);

    @Test
    void takesANewerVersion() {
        assertThat(reducer.apply(v1, v2)).isEqualTo(v2);
    }

    @Test
    void ignoresAnOlderVersion() {
        assertThat(reducer.apply(v2, v1)).isEqualTo(v2);
    }

    @Test
    void ignoresTheSameVersionSoADuplicateChangesNothing() {
        ExpenseState sameVersionOtherContent = ExpenseState.live("u1", "e1", 1, "EUR", 9999, 2026, 3);
        assertThat(reducer.apply(v1, sameVersionOtherContent)).isEqualTo(v1);
    }

    @Test
    void keepsADeleteAgainstALateOlderAdd() {
        ExpenseState deleted = ExpenseState.deleted("u1", "e1", 2);
        assertThat(reducer.apply(deleted, v1)).isEqualTo(deleted);
    }
}
