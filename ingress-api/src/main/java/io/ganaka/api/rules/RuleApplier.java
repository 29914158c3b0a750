package io.ganaka.api.rules;

import io.ganaka.api.events.EventPublisher;
import io.ganaka.api.events.PublishUnavailableException;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload.ExpenseCategorized;
import io.ganaka.schemas.rules.Rule;
import io.ganaka.schemas.rules.RuleDefinition;
import io.ganaka.schemas.rules.RuleDefinition.RuleActions;
import io.ganaka.schemas.rules.RuleEngine;
import io.ganaka.schemas.rules.RuleOutcome;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Runs the caller's rules over their uncategorized live expenses and publishes {@code expense.categorized} for each one
 * a rule gives a category (tags are kept and the rules' tags added). Each event names the version it was computed for,
 * so the sink drops it if the user changed the expense meanwhile; running apply twice is therefore harmless.
 */
public final class RuleApplier {

    static final int PAGE_SIZE = 500;
    /** Well below the publisher's own bound, so an apply leaves room for other requests' publishes. */
    static final int MAX_IN_FLIGHT = 32;
    static final int MAX_TAGS = 20;

    private final RuleRepository rules;
    private final UncategorizedExpenses expenses;
    private final EventPublisher publisher;
    private final Duration publishTimeout;

    public RuleApplier(RuleRepository rules, UncategorizedExpenses expenses, EventPublisher publisher,
                       Duration publishTimeout) {
        this.rules = rules;
        this.expenses = expenses;
        this.publisher = publisher;
        this.publishTimeout = publishTimeout;
    }

    /**
     * @throws PublishUnavailableException when an event is not durable in time; the events already stored stay, and
     *     applying again publishes the rest
     */
    public ApplyResult apply(String userId, String correlationId) throws SQLException {
        UUID owner = UUID.fromString(userId);
        RuleEngine engine = engine(owner);
        BoundedPublishes publishes = new BoundedPublishes(publisher, MAX_IN_FLIGHT, publishTimeout);
        long examined = 0;
        long categorized = 0;
        UncategorizedExpense last = null;
        List<UncategorizedExpense> page;
        do {
            page = expenses.page(owner, last, PAGE_SIZE);
            for (UncategorizedExpense expense : page) {
                examined++;
                RuleOutcome outcome = engine.evaluate(expense.facts());
                if (outcome.categorized()) {
                    publishes.submit(Event.create(userId, correlationId, categorization(expense, outcome)));
                    categorized++;
                }
                last = expense;
            }
        } while (page.size() == PAGE_SIZE);
        publishes.awaitAll();
        return new ApplyResult(examined, categorized);
    }

    /** The user's rules; a rule whose category has since been deleted keeps only its tags. */
    private RuleEngine engine(UUID owner) throws SQLException {
        Set<String> categories = rules.categoryIds(owner);
        List<Rule> live = rules.list(owner).stream().map(RuleView::toRule).map(rule -> {
            RuleDefinition d = rule.definition();
            String category = d.actions().categoryId();
            if (category == null || categories.contains(category)) {
                return rule;
            }
            return new Rule(rule.id(), rule.createdAt(), new RuleDefinition(d.name(), d.priority(), d.match(),
                    d.conditions(), new RuleActions(null, d.actions().tags()), d.stopProcessing()));
        }).toList();
        return RuleEngine.of(live);
    }

    private static ExpenseCategorized categorization(UncategorizedExpense expense, RuleOutcome outcome) {
        Set<String> tags = new LinkedHashSet<>(expense.tags());
        for (String tag : outcome.tags()) {
            if (tags.size() >= MAX_TAGS) {
                break; // an expense holds at most 20 tags; its own come first
            }
            tags.add(tag);
        }
        return new ExpenseCategorized(expense.id().toString(), expense.version(), outcome.categoryId(), "rule",
                List.copyOf(tags), outcome.ruleId(), "rules-applied");
    }
}
