package io.ganaka.api.expenses;

import io.ganaka.api.Ids;
import io.ganaka.api.http.QueryParameters;
import io.ganaka.schemas.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Which of a user's expenses a list shows: occurred in {@code [from, to)}, in a category (or uncategorized), with an
 * amount in {@code [minAmount, maxAmount]}, in a currency, and containing a text in the description or merchant
 * (case-insensitive). Every part is optional (null = no restriction). Dates without a time are UTC days, like the
 * monthly reports, so {@code from=2026-03-01&to=2026-04-01} is exactly March.
 *
 * @param uncategorized only expenses without a category ({@code categoryId=none}); then {@code categoryId} is null
 */
public record ExpenseFilter(
        Instant from,
        Instant to,
        UUID categoryId,
        boolean uncategorized,
        BigDecimal minAmount,
        BigDecimal maxAmount,
        String currency,
        String text) {

    /** The query parameters a filter reads. */
    public static final Set<String> PARAMETERS =
            Set.of("from", "to", "categoryId", "minAmount", "maxAmount", "currency", "q");
    public static final ExpenseFilter NONE = new ExpenseFilter(null, null, null, false, null, null, null, null);
    public static final int MAX_TEXT = 100;

    private static final String DATE_HINT = "must be a date (2026-03-15) or an instant with offset"
            + " (2026-03-15T12:00:00Z)";
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,10}(\\.\\d{1,2})?");
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** Reads the filter parameters, recording an error per bad parameter; the caller throws them all at once. */
    public static ExpenseFilter parse(QueryParameters parameters) {
        Instant from = time(parameters, "from");
        Instant to = time(parameters, "to");
        if (from != null && to != null && !from.isBefore(to)) {
            parameters.reject("to", "must be later than from (from is inclusive, to exclusive)");
        }
        String category = parameters.single("categoryId");
        UUID categoryId = null;
        boolean uncategorized = "none".equals(category);
        if (category != null && !uncategorized) {
            categoryId = Ids.parse(category).orElseGet(() -> parameters.reject("categoryId",
                    "must be a category id (a UUID) or none"));
        }
        BigDecimal minAmount = amount(parameters, "minAmount");
        BigDecimal maxAmount = amount(parameters, "maxAmount");
        if (minAmount != null && maxAmount != null && minAmount.compareTo(maxAmount) > 0) {
            parameters.reject("maxAmount", "must not be less than minAmount");
        }
        return new ExpenseFilter(from, to, categoryId, uncategorized, minAmount, maxAmount,
                currency(parameters), text(parameters));
    }

    private static Instant time(QueryParameters parameters, String name) {
        String value = parameters.single(name);
        if (value == null) {
            return null;
        }
        Instant instant;
        try {
            instant = value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return parameters.reject(name, DATE_HINT);
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            return parameters.reject(name, "must be between 1970 and 9999");
        }
        return instant;
    }

    private static BigDecimal amount(QueryParameters parameters, String name) {
        String value = parameters.single(name);
        if (value == null) {
            return null;
        }
        if (!AMOUNT.matcher(value).matches()) {
            return parameters.reject(name, "must be a non-negative decimal such as 12.34 (at most 2 decimals)");
        }
        return new BigDecimal(value);
    }

    private static String currency(QueryParameters parameters) {
        String value = parameters.single("currency");
        if (value == null) {
            return null;
        }
        // A filter, not a stored value: "eur" plainly means EUR.
        String code = value.toUpperCase(Locale.ROOT);
        return Money.currency(code).isPresent() ? code
                : parameters.reject("currency", "must be an ISO 4217 code such as EUR");
    }

    private static String text(QueryParameters parameters) {
        String value = parameters.single("q");
        if (value == null) {
            return null;
        }
        if (value.codePointCount(0, value.length()) > MAX_TEXT) {
            return parameters.reject("q", "must be at most " + MAX_TEXT + " characters long");
        }
        // Postgres text cannot hold NUL, and no description contains a control character worth searching for.
        if (value.chars().anyMatch(Character::isISOControl)) {
            return parameters.reject("q", "must not contain control characters");
        }
        return value;
    }

    /** The text as a case-insensitive LIKE pattern matching it anywhere, its wildcards taken literally. */
    public Optional<String> textPattern() {
        if (text == null) {
            return Optional.empty();
        }
        String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return Optional.of("%" + escaped + "%");
    }
}
