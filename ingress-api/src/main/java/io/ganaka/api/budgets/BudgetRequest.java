package io.ganaka.api.budgets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ganaka.api.Ids;
import io.ganaka.api.errors.FieldError;
import io.ganaka.api.errors.MalformedRequestException;
import io.ganaka.api.errors.ValidationException;
import io.ganaka.api.expenses.Amounts;
import io.ganaka.schemas.EventPayload.BudgetItem;
import io.ganaka.schemas.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A validated {@code PUT /budgets/…} body, {@code {"items":[{"categoryId","currency","amount"}]}}: at most 200 items,
 * each for one category (or, with categoryId null, all spending) and currency, once; amounts as for expenses (positive,
 * at most 9999999999.99, no more decimals than the currency has), scaled to the currency. Every problem is reported
 * by its path in one 400; whether the categories are the caller's is checked later, against the database.
 */
public record BudgetRequest(List<BudgetItem> items) {

    public static final int MAX_ITEMS = 200;

    public BudgetRequest {
        items = List.copyOf(items);
    }

    public static BudgetRequest from(JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            throw new MalformedRequestException("request body must be a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        unknownKeys(object, Set.of("items"), "", errors);
        JsonNode node = object.get("items");
        List<BudgetItem> items = new ArrayList<>();
        if (node == null || node.isNull()) {
            errors.add(new FieldError("items", "is required"));
        } else if (!(node instanceof ArrayNode array)) {
            errors.add(new FieldError("items", "must be an array"));
        } else if (array.size() > MAX_ITEMS) {
            errors.add(new FieldError("items", "must have at most " + MAX_ITEMS + " items"));
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < array.size(); i++) {
                String path = "items[" + i + "]";
                Optional<BudgetItem> item = item(array.get(i), path, errors);
                if (item.isPresent() && !seen.add(item.get().categoryId() + "/" + item.get().currency())) {
                    errors.add(new FieldError(path, "repeats the budget of this category and currency"));
                } else {
                    item.ifPresent(items::add);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new BudgetRequest(items);
    }

    private static Optional<BudgetItem> item(JsonNode node, String path, List<FieldError> errors) {
        if (!(node instanceof ObjectNode item)) {
            errors.add(new FieldError(path, "must be an object"));
            return Optional.empty();
        }
        int before = errors.size();
        unknownKeys(item, Set.of("categoryId", "currency", "amount"), path + ".", errors);
        String categoryId = categoryId(item.get("categoryId"), path + ".categoryId", errors);
        String currency = currency(item.get("currency"), path + ".currency", errors);
        BigDecimal amount = amount(item.get("amount"), currency, path + ".amount", errors);
        return errors.size() == before ? Optional.of(new BudgetItem(categoryId, currency, amount)) : Optional.empty();
    }

    private static String categoryId(JsonNode node, String path, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return null; // all spending
        }
        Optional<UUID> id = node.isTextual() ? Ids.parse(node.textValue()) : Optional.empty();
        if (id.isEmpty()) {
            errors.add(new FieldError(path, "must be a UUID or null (all spending)"));
            return null;
        }
        return id.get().toString();
    }

    private static String currency(JsonNode node, String path, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            errors.add(new FieldError(path, "is required"));
            return null;
        }
        if (!node.isTextual() || Money.currency(node.textValue()).isEmpty()) {
            errors.add(new FieldError(path, "must be an ISO 4217 code such as EUR"));
            return null;
        }
        return node.textValue();
    }

    private static BigDecimal amount(JsonNode node, String currency, String path, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            errors.add(new FieldError(path, "is required"));
            return null;
        }
        Optional<BigDecimal> parsed = Amounts.parse(node);
        if (parsed.isEmpty()) {
            errors.add(new FieldError(path, "must be a decimal string such as \"300.00\""));
            return null;
        }
        int digits = currency == null ? -1 : Money.fractionDigits(currency);
        Optional<String> problem = Amounts.problem(parsed.get(), digits);
        if (problem.isPresent()) {
            errors.add(new FieldError(path, problem.get()));
            return null;
        }
        // Exact: problem() allowed no more decimals than the currency has.
        return currency == null ? parsed.get() : parsed.get().setScale(digits, RoundingMode.UNNECESSARY);
    }

    private static void unknownKeys(ObjectNode object, Set<String> known, String prefix, List<FieldError> errors) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(new FieldError(prefix + name, "is not a known field"));
            }
        }
    }
}
