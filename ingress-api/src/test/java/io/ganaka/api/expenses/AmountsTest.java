package io.ganaka.api.expenses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.schemas.Json;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AmountsTest {

    private static JsonNode json(String literal) throws Exception {
        return Json.MAPPER.readTree(literal);
    }

    @Test
    void readsADecimalStringExactly() throws Exception {
        assertThat(Amounts.parse(json("\"12.34\""))).contains(new BigDecimal("12.34"));
    }

    @Test
    void readsAJsonNumberWithoutBinaryFloatingPointError() throws Exception {
        assertThat(Amounts.parse(json("0.1"))).contains(new BigDecimal("0.1"));
        assertThat(Amounts.parse(json("12.34"))).contains(new BigDecimal("12.34"));
        assertThat(Amounts.parse(json("7"))).contains(new BigDecimal("7"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "\"abc\"", "\"1e3\"", "\"+5\"", "\"--5\"", "\" 12.34\"", "\"12,34\"", "\"12.\"",
            "\".5\"", "\"NaN\"", "true", "[]", "{}", "null"})
    void rejectsAnythingButAPlainDecimal(String literal) throws Exception {
        assertThat(Amounts.parse(json(literal))).isEmpty();
    }

    @Test
    void readsANegativeAmountSoThatItCanBeRefusedForItsSign() throws Exception {
        assertThat(Amounts.parse(json("\"-5\""))).contains(new BigDecimal("-5"));
        assertThat(Amounts.problem(new BigDecimal("-5"), 2)).contains("must be greater than 0");
    }

    @Test
    void acceptsTheSmallestAndLargestAmounts() {
        assertThat(Amounts.problem(new BigDecimal("0.01"), 2)).isEmpty();
        assertThat(Amounts.problem(new BigDecimal("9999999999.99"), 2)).isEmpty();
    }

    @Test
    void rejectsZeroNegativeAndTooLargeAmounts() {
        assertThat(Amounts.problem(BigDecimal.ZERO, 2)).contains("must be greater than 0");
        assertThat(Amounts.problem(new BigDecimal("-1.00"), 2)).contains("must be greater than 0");
        assertThat(Amounts.problem(new BigDecimal("10000000000.00"), 2)).contains("must be at most 9999999999.99");
    }

    @Test
    void rejectsMoreThanTwoDecimalsButToleratesTrailingZeros() {
        assertThat(Amounts.problem(new BigDecimal("1.005"), 2)).isPresent();
        assertThat(Amounts.problem(new BigDecimal("1.500"), 2)).isEmpty();
    }

    @Test
    void rejectsDecimalsTheCurrencyDoesNotHave() {
        assertThat(Amounts.problem(new BigDecimal("1000.5"), 0)).contains("must have at most 0 decimals in this currency");
        assertThat(Amounts.problem(new BigDecimal("1000.00"), 0)).isEmpty();
    }

    @Test
    void capsCurrenciesWithThreeDigitsAtTheColumnsTwoDecimals() {
        assertThat(Amounts.problem(new BigDecimal("1.234"), 3)).contains("must have at most 2 decimals");
    }
}
