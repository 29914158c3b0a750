package io.ganaka.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void convertsToMinorUnitsByCurrencyDigits() {
        assertThat(Money.toMinor(new BigDecimal("12.34"), "EUR")).isEqualTo(1234);
        assertThat(Money.toMinor(new BigDecimal("1500"), "JPY")).isEqualTo(1500);
        assertThat(Money.toMinor(new BigDecimal("1.234"), "KWD")).isEqualTo(1234);
        assertThat(Money.toMinor(new BigDecimal("7.5"), "USD")).isEqualTo(750);
    }

    @Test
    void neverRoundsAwayACent() {
        assertThatThrownBy(() -> Money.toMinor(new BigDecimal("1.005"), "EUR")).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.toMinor(new BigDecimal("10.5"), "JPY")).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void convertsBackWithTheCurrencyScale() {
        assertThat(Money.fromMinor(1230, "EUR")).isEqualTo(new BigDecimal("12.30"));
        assertThat(Money.format(new BigDecimal("12.3"), "EUR")).isEqualTo("12.30");
    }

    @Test
    void knowsOnlyIsoCurrencies() {
        assertThat(Money.currency("EUR")).isPresent();
        assertThat(Money.currency("eur")).isEmpty();
        assertThat(Money.currency("ABC")).isEmpty();
        assertThat(Money.currency("XXX")).isEmpty();
        assertThat(Money.currency(null)).isEmpty();
    }
}
