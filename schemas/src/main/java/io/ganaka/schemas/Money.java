package io.ganaka.schemas;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Optional;

/**
 * Conversions between decimal amounts and {@code long} minor units, per ISO 4217 currency. Never rounds: an amount
 * with more decimals than its currency allows is rejected, so totals stay exact to the cent.
 */
public final class Money {

    private Money() {}

    /** The ISO 4217 currency for a code, if the code is a known, current, upper-case currency. */
    public static Optional<Currency> currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return Optional.empty();
        }
        try {
            Currency currency = Currency.getInstance(code);
            return currency.getDefaultFractionDigits() < 0 ? Optional.empty() : Optional.of(currency);
        } catch (IllegalArgumentException e) {
            // Well-formed but not an ISO 4217 code.
            return Optional.empty();
        }
    }

    public static int fractionDigits(String currencyCode) {
        return currency(currencyCode)
                .orElseThrow(() -> new IllegalArgumentException("unknown currency " + currencyCode))
                .getDefaultFractionDigits();
    }

    /** @throws ArithmeticException if the amount has more decimals than the currency allows */
    public static long toMinor(BigDecimal amount, String currencyCode) {
        int digits = fractionDigits(currencyCode);
        return amount.setScale(digits, RoundingMode.UNNECESSARY).movePointRight(digits).longValueExact();
    }

    public static BigDecimal fromMinor(long minor, String currencyCode) {
        return BigDecimal.valueOf(minor, fractionDigits(currencyCode));
    }

    /** The canonical decimal string of an amount in a currency, e.g. {@code "12.30"} for EUR. */
    public static String format(BigDecimal amount, String currencyCode) {
        return amount.setScale(fractionDigits(currencyCode), RoundingMode.UNNECESSARY).toPlainString();
    }
}
