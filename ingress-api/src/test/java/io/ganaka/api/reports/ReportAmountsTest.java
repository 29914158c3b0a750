package io.ganaka.api.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ReportAmountsTest {

    @Test
    void formatsAmountsInTheCurrencysDigits() {
        assertThat(ReportAmounts.format(new BigDecimal("12.3"), "EUR")).isEqualTo("12.30");
        assertThat(ReportAmounts.format(new BigDecimal("1500.00"), "JPY")).isEqualTo("1500");
        assertThat(ReportAmounts.format(null, "EUR")).isNull();
    }

    @Test
    void showsAnAmountItCannotFormatAsStored() {
        assertThat(ReportAmounts.format(new BigDecimal("1.25"), "JPY")).isEqualTo("1.25");
        assertThat(ReportAmounts.format(new BigDecimal("1.25"), "XYZ")).isEqualTo("1.25");
    }

    @Test
    void averagesRoundHalfEvenToTheCurrencysDigits() {
        assertThat(ReportAmounts.average(new BigDecimal("10.00"), 4, "EUR")).isEqualTo("2.50");
        assertThat(ReportAmounts.average(new BigDecimal("0.05"), 2, "EUR")).isEqualTo("0.02");   // 0.025 -> even
        assertThat(ReportAmounts.average(new BigDecimal("0.07"), 2, "EUR")).isEqualTo("0.04");   // 0.035 -> even
        assertThat(ReportAmounts.average(new BigDecimal("10.00"), 3, "EUR")).isEqualTo("3.33");
        assertThat(ReportAmounts.average(new BigDecimal("5"), 2, "JPY")).isEqualTo("2");         // 2.5 -> even
        assertThat(ReportAmounts.average(new BigDecimal("7"), 2, "JPY")).isEqualTo("4");         // 3.5 -> even
    }

    @Test
    void averagesAnUnknownCurrencyToTheTotalsOwnDigits() {
        assertThat(ReportAmounts.average(new BigDecimal("10.00"), 3, "XYZ")).isEqualTo("3.33");
    }

    @Test
    void hasNoAverageWithoutExpenses() {
        assertThat(ReportAmounts.average(new BigDecimal("0.00"), 0, "EUR")).isNull();
    }
}
