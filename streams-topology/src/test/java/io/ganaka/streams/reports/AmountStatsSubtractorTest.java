package io.ganaka.streams.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ganaka.schemas.JsonSerde;
import org.junit.jupiter.api.Test;

class AmountStatsSubtractorTest {

    private final AmountStatsSubtractor<SummaryKey> subtractor = new AmountStatsSubtractor<>();
    private final SummaryKey eur = new SummaryKey("u1", "EUR");
    private final AmountStats three = AmountStats.zero().plus(300).plus(900).plus(900);

    @Test
    void removesTheAmountAndTheCount() {
        AmountStats stats = subtractor.apply(eur, expense(300), three);

        assertThat(stats).isEqualTo(new AmountStats(1800, 2));
    }

    @Test
    void removingTheLastExpenseLeavesZero() {
        AmountStats stats = subtractor.apply(eur, expense(500), AmountStats.zero().plus(500));

        assertThat(stats).isEqualTo(AmountStats.zero());
    }

    @Test
    void refusesToRemoveFromAnEmptyAggregate() {
        assertThatThrownBy(() -> subtractor.apply(eur, expense(1), AmountStats.zero()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nothing was added");
    }

    @Test
    void statsSurviveTheJsonSerdeUnchanged() {
        JsonSerde<AmountStats> serde = new JsonSerde<>(AmountStats.class);

        AmountStats back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", three));

        assertThat(back).isEqualTo(three);
    }

    private static ExpenseState expense(long amountMinor) {
        return ExpenseState.live("u1", "e1", 1, "EUR", amountMinor, 2026, 3, null);
    }
}
