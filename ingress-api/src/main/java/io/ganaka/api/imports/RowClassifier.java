package io.ganaka.api.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ganaka.api.errors.FieldError;
import io.ganaka.api.errors.ValidationException;
import io.ganaka.api.expenses.ExpenseRequest;
import io.ganaka.api.http.JsonFields;
import io.ganaka.schemas.Json;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Decides each row's outcome, batch by batch, for one import: the row passes the same rules as
 * {@code POST /expenses} ({@link ExpenseRequest}) or is rejected with their messages; its category name is looked
 * up among the user's categories; then it is a duplicate of an earlier row of the file, of an existing expense, or
 * imported under an id derived from the import id and row number. Remembers the file's rows across batches.
 */
final class RowClassifier {

    private final UUID userId;
    private final UUID importId;
    private final Map<String, UUID> categoriesByName;
    private final ExistingExpenses existing;
    private final Map<DuplicateKey, Integer> seenRows = new HashMap<>();
    private final Map<String, Integer> seenBankIds = new HashMap<>();

    /** @param categoriesByName the user's categories by lower-cased name */
    RowClassifier(UUID userId, UUID importId, Map<String, UUID> categoriesByName, ExistingExpenses existing) {
        this.userId = userId;
        this.importId = importId;
        this.categoriesByName = Map.copyOf(categoriesByName);
        this.existing = existing;
    }

    List<RowOutcome> classify(List<ParsedRow> batch) throws SQLException {
        RowOutcome[] outcomes = new RowOutcome[batch.size()];
        List<Integer> candidates = new ArrayList<>();
        List<DuplicateKey> keys = new ArrayList<>();
        List<ExpenseRequest> requests = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            ParsedRow row = batch.get(i);
            ExpenseRequest request = null;
            try {
                request = row.isRejected() ? null : validate(row);
            } catch (ValidationException e) {
                outcomes[i] = RowOutcome.rejected(row.number(), reason(e));
                continue;
            }
            if (request == null) {
                outcomes[i] = RowOutcome.rejected(row.number(), row.rejection());
                continue;
            }
            DuplicateKey key = DuplicateKey.of(request.occurredAt(), request.amount(), request.description());
            Integer earlier = row.externalId() == null ? null : seenBankIds.putIfAbsent(row.externalId(), row.number());
            if (earlier != null) {
                outcomes[i] = RowOutcome.duplicate(row.number(), null, "same bank transaction id (FITID) as row "
                        + earlier);
                continue;
            }
            earlier = seenRows.putIfAbsent(key, row.number());
            if (earlier != null) {
                outcomes[i] = RowOutcome.duplicate(row.number(), ImportIds.expenseId(importId, earlier),
                        "same date, amount and description as row " + earlier);
                continue;
            }
            candidates.add(i);
            keys.add(key);
            requests.add(request);
        }
        Map<Integer, UUID> matches = keys.isEmpty() ? Map.of() : existing.matching(userId, keys);
        for (int k = 0; k < candidates.size(); k++) {
            int i = candidates.get(k);
            int number = batch.get(i).number();
            UUID match = matches.get(k);
            outcomes[i] = match != null
                    ? RowOutcome.duplicate(number, match, "same date, amount and description as existing expense " + match)
                    : categorized(number, requests.get(k), batch.get(i).category());
        }
        return List.of(outcomes);
    }

    private RowOutcome categorized(int number, ExpenseRequest request, String categoryName) {
        UUID expenseId = ImportIds.expenseId(importId, number);
        if (categoryName == null) {
            return RowOutcome.imported(number, expenseId, request, null);
        }
        UUID category = categoriesByName.get(categoryName.toLowerCase(Locale.ROOT));
        if (category == null) {
            return RowOutcome.imported(number, expenseId, request, "unknown category "
                    + ImportValues.quote(categoryName) + "; imported uncategorized");
        }
        return RowOutcome.imported(number, expenseId, new ExpenseRequest(request.amount(), request.currency(),
                request.description(), request.merchant(), request.occurredAt(), category, request.tags(),
                request.notes()), null);
    }

    /** The row as the body of a {@code POST /expenses}, checked by the same rules. */
    private static ExpenseRequest validate(ParsedRow row) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("amount", row.amount());
        body.put("currency", row.currency());
        body.put("description", row.description());
        body.put("merchant", row.merchant());
        body.put("occurredAt", row.occurredAt() == null ? null : row.occurredAt().toString());
        row.tags().forEach(body.putArray("tags")::add);
        body.put("notes", row.notes());
        return ExpenseRequest.from(JsonFields.of(body));
    }

    private static String reason(ValidationException e) {
        return e.errors().stream().map(RowClassifier::describe).collect(Collectors.joining("; "));
    }

    private static String describe(FieldError error) {
        return error.field() + " " + error.message();
    }
}
