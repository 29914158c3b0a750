package io.ganaka.streams.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ganaka.schemas.JsonSerde;
import org.junit.jupiter.api.Test;

class RunningTotalSubtractorTest {

    private final RunningTotalSubtractor<SummaryKey> allTime = new RunningTotalSubtractor<>();
    private final RunningTotalSubtractor<CategoryKey> byCategory = new RunningTotalSubtractor<>();
    private final SummaryKey eur = new SummaryKey("u1", "EUR");
    private final CategoryKey uncategorized = new CategoryKey("u1", 2026, 3, null, "EUR");
    private final RunningTotal three = RunningTotal.zero().plus(300).plus(900).plus(900);

    @Test
    void removesTheAmountAndTheCount() {
        assertThat(allTime.apply(eur, expense(300), three)).isEqualTo(new RunningTotal(1800, 2));
        assertThat(byCategory.apply(uncategorized, expense(1234), new RunningTotal(1334, 2)))
                .isEqualTo(new RunningTotal(100, 1));
    }

    @Test
    void removingTheLastExpenseLeavesZeroNotNothing() {
        assertThat(byCategory.apply(uncategorized, expense(1234), new RunningTotal(1234, 1)))
                .isEqualTo(RunningTotal.zero());
    }

    @Test
    void refusesToRemoveFromAnEmptyTotal() {
        assertThatThrownBy(() -> allTime.apply(eur, expense(1), RunningTotal.zero()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nothing was added");
    }

    @Test
    void totalsSurviveTheJsonSerdeUnchanged() {
        JsonSerde<RunningTotal> serde = new JsonSerde<>(RunningTotal.class);

        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", three))).isEqualTo(three);
    }

    private static ExpenseState expense(long amountMinor) {
        return ExpenseState.live("u1", "e1", 1, "EUR", amountMinor, 2026, 3, null);
    }
}
