package io.ganaka.api.expenses;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses and checks expense amounts without ever rounding: a decimal string such as {@code "12.34"} (preferred) or
 * a JSON number read exactly; positive, at most 9999999999.99 (NUMERIC(12,2)) and at most as many decimals as
 * both the currency and the column allow.
 */
public final class Amounts {

    public static final BigDecimal MAX = new BigDecimal("9999999999.99");
    private static final int MAX_DECIMALS = 2;
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,20}(\\.\\d{1,20})?");

    private Amounts() {}

    /** The amount a node holds, or empty (with nothing thrown) when it is neither a decimal string nor a number. */
    public static Optional<BigDecimal> parse(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isTextual()) {
            String text = node.textValue();
            return DECIMAL.matcher(text).matches() ? Optional.of(new BigDecimal(text)) : Optional.empty();
        }
        // The shared mapper reads floating-point literals as BigDecimal, so 12.34 arrives exactly as written.
        if (node.isBigDecimal() || node.isIntegralNumber()) {
            return Optional.of(node.decimalValue());
        }
        return Optional.empty();
    }

    /** Why the amount is not acceptable in the currency, or empty when it is; {@code currencyDigits} < 0 if unknown. */
    public static Optional<String> problem(BigDecimal amount, int currencyDigits) {
        if (amount.signum() <= 0) {
            return Optional.of("must be greater than 0");
        }
        if (amount.compareTo(MAX) > 0) {
            return Optional.of("must be at most " + MAX.toPlainString());
        }
        int allowed = currencyDigits < 0 ? MAX_DECIMALS : Math.min(MAX_DECIMALS, currencyDigits);
        if (Math.max(0, amount.stripTrailingZeros().scale()) > allowed) {
            return Optional.of("must have at most " + allowed + " decimal" + (allowed == 1 ? "" : "s")
                    + (currencyDigits >= 0 && currencyDigits < MAX_DECIMALS ? " in this currency" : ""));
        }
        return Optional.empty();
    }
}
