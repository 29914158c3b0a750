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

        assertThat(stats.totalMinor()).isEqualTo(1800);
        assertThat(stats.count()).isEqualTo(2);
        assertThat(stats.minMinor()).isEqualTo(900L);
    }

    @Test
    void removingOneOfTwoEqualMaximaKeepsTheMax() {
        AmountStats stats = subtractor.apply(eur, expense(900), three);

        assertThat(stats.maxMinor()).isEqualTo(900L);
        assertThat(stats.count()).isEqualTo(2);
    }

    @Test
    void removingTheLastExpenseLeavesZeroWithoutExtremes() {
        AmountStats stats = subtractor.apply(eur, expense(500), AmountStats.zero().plus(500));

        assertThat(stats).isEqualTo(AmountStats.zero());
        assertThat(stats.minMinor()).isNull();
        assertThat(stats.maxMinor()).isNull();
    }

    @Test
    void refusesToRemoveAnAmountThatWasNeverAdded() {
        assertThatThrownBy(() -> subtractor.apply(eur, expense(1), three))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("never added");
    }

    @Test
    void statsSurviveTheJsonSerdeUnchanged() {
        JsonSerde<AmountStats> serde = new JsonSerde<>(AmountStats.class);

        AmountStats back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", three));

        assertThat(back).isEqualTo(three);
        assertThat(back.maxMinor()).isEqualTo(900L);
    }

    private static ExpenseState expense(long amountMinor) {
        return ExpenseState.live("u1", "e1", 1, "EUR", amountMinor, 2026, 3, null);
    }
}
