package io.ganaka.api.expenses;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.api.http.JsonFields;
import io.ganaka.schemas.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A validated new expense. {@link #from(JsonFields)} checks every field and reports all errors at once; the amount
 * comes out scaled to its currency's digits, so {@code "12.3"} EUR becomes 12.30.
 */
public record ExpenseRequest(
        BigDecimal amount,
        String currency,
        String description,
        String merchant,
        Instant occurredAt,
        UUID categoryId,
        List<String> tags,
        String notes) {

    public static final int MAX_TAGS = 20;
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    public ExpenseRequest {
        tags = List.copyOf(tags);
    }

    public static ExpenseRequest from(JsonFields fields) {
        Optional<Currency> currency = currency(fields);
        BigDecimal amount = amount(fields, currency);
        String description = fields.requiredText("description", 500);
        String merchant = fields.optionalText("merchant", 200);
        Instant occurredAt = occurredAt(fields);
        UUID categoryId = categoryId(fields);
        List<String> tags = tags(fields);
        String notes = fields.optionalText("notes", 2000);
        fields.throwIfInvalid();
        return new ExpenseRequest(amount, currency.orElseThrow().getCurrencyCode(), description, merchant, occurredAt,
                categoryId, tags, notes);
    }

    private static Optional<Currency> currency(JsonFields fields) {
        // Any length is read so that "EURO" is told it is no ISO 4217 code, not that it is too long.
        String code = fields.requiredText("currency", 64);
        if (code == null) {
            return Optional.empty();
        }
        Optional<Currency> currency = Money.currency(code);
        if (currency.isEmpty()) {
            fields.reject("currency", "must be an ISO 4217 code such as EUR");
        }
        return currency;
    }

    private static BigDecimal amount(JsonFields fields, Optional<Currency> currency) {
        JsonNode node = fields.node("amount");
        if (node == null) {
            return fields.reject("amount", "is required");
        }
        Optional<BigDecimal> parsed = Amounts.parse(node);
        if (parsed.isEmpty()) {
            return fields.reject("amount", "must be a decimal string such as \"12.34\"");
        }
        int digits = currency.map(Currency::getDefaultFractionDigits).orElse(-1);
        Optional<String> problem = Amounts.problem(parsed.get(), digits);
        if (problem.isPresent()) {
            return fields.reject("amount", problem.get());
        }
        // Exact: problem() guaranteed no more decimals than the scale, so no rounding happens here.
        return currency.isEmpty() ? parsed.get() : parsed.get().setScale(digits, RoundingMode.UNNECESSARY);
    }

    private static Instant occurredAt(JsonFields fields) {
        JsonNode node = fields.node("occurredAt");
        if (node == null) {
            return fields.reject("occurredAt", "is required");
        }
        if (!node.isTextual()) {
            return fields.reject("occurredAt", "must be an ISO-8601 instant such as 2026-03-15T12:00:00Z");
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(node.textValue()).toInstant();
        } catch (DateTimeParseException e) {
            // Not a date-time with an offset (e.g. missing 'Z'): the client's mistake, reported as such.
            return fields.reject("occurredAt", "must be an ISO-8601 instant such as 2026-03-15T12:00:00Z");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            return fields.reject("occurredAt", "must be between 1970 and 9999");
        }
        return instant;
    }

    private static UUID categoryId(JsonFields fields) {
        JsonNode node = fields.node("categoryId");
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            try {
                UUID id = UUID.fromString(node.textValue());
                // UUID.fromString accepts shortened forms such as "1-1-1-1-1"; only the canonical form is an id.
                if (id.toString().equalsIgnoreCase(node.textValue())) {
                    return id;
                }
            } catch (IllegalArgumentException e) {
                // Falls through to the field error below.
            }
        }
        return fields.reject("categoryId", "must be a UUID");
    }

    private static List<String> tags(JsonFields fields) {
        JsonNode node = fields.node("tags");
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            return fields.<List<String>>reject("tags", "must be an array of strings");
        }
        if (node.size() > MAX_TAGS) {
            return fields.<List<String>>reject("tags", "must have at most " + MAX_TAGS + " entries");
        }
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode tag = node.get(i);
            String field = "tags[" + i + "]";
            if (!tag.isTextual() || tag.textValue().isBlank()) {
                fields.reject(field, "must be a non-blank string");
            } else if (tag.textValue().strip().codePointCount(0, tag.textValue().strip().length()) > 50) {
                fields.reject(field, "must be at most 50 characters long");
            } else if (!tags.contains(tag.textValue().strip())) {
                tags.add(tag.textValue().strip());
            }
        }
        return tags;
    }
}
