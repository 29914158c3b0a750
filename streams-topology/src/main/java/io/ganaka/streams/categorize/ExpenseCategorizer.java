package io.ganaka.streams.categorize;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload.ExpenseCategorized;
import io.ganaka.schemas.EventPayload.ExpenseChange;
import io.ganaka.schemas.EventType;
import io.ganaka.schemas.rules.ExpenseFacts;
import io.ganaka.schemas.rules.RuleEngine;
import io.ganaka.schemas.rules.RuleOutcome;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Decides the category of an added or updated expense that has none: the user's rules first (in priority order), then
 * what was learned from the user's own corrections. The result is the {@code expense.categorized} event that follows
 * the source event; an expense with an explicit category, or that nothing categorizes, gets none.
 */
public final class ExpenseCategorizer {

    public static final String BY_RULE = "rule";
    public static final String BY_LEARNING = "learned";

    /** The {@code expense.categorized} for {@code source} (an add or update), if rules or learning set a category. */
    public Optional<Event> categorize(Event source, RuleEngine rules, TokenModel model) {
        if (!(source.data() instanceof ExpenseChange expense) || expense.categoryId() != null) {
            return Optional.empty();
        }
        RuleOutcome outcome = rules.evaluate(new ExpenseFacts(expense.description(), expense.merchant(), expense.amount()));
        if (outcome.categorized()) {
            return Optional.of(categorized(source, expense, outcome.categoryId(), BY_RULE, outcome.tags(),
                    outcome.ruleId()));
        }
        return model.predict(expense.merchant(), expense.description())
                .map(category -> categorized(source, expense, category, BY_LEARNING, List.of(), null));
    }

    /**
     * The id of the categorization of {@code sourceEventId}: a name-based UUID, so a reprocessed source event yields
     * the same id and downstream dedupe recognizes it.
     */
    public static String categorizedEventId(String sourceEventId) {
        return UUID.nameUUIDFromBytes(("ganaka/expense-categorized/" + sourceEventId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static Event categorized(Event source, ExpenseChange expense, String categoryId, String by,
                                     List<String> ruleTags, String ruleId) {
        Set<String> tags = new LinkedHashSet<>(expense.tags());
        tags.addAll(ruleTags);
        ExpenseCategorized data = new ExpenseCategorized(expense.expenseId(), expense.expenseVersion(), categoryId, by,
                new ArrayList<>(tags), ruleId, by);
        // The source's time: the expense sink applies a categorization only when it is not older than the row.
        return new Event(categorizedEventId(source.id()), EventType.EXPENSE_CATEGORIZED.wireName(),
                Event.CURRENT_SCHEMA_VERSION, source.occurredAt(), source.userId(), source.correlationId(), data);
    }
}
