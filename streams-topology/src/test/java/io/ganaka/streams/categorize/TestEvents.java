package io.ganaka.streams.categorize;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.EventPayload.ExpenseAdded;
import io.ganaka.schemas.EventPayload.ExpenseUpdated;
import io.ganaka.schemas.rules.RuleDefinition;
import io.ganaka.schemas.rules.RuleDefinition.RuleActions;
import io.ganaka.schemas.rules.RuleDefinition.RuleCondition;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builds the events the categorization reads, with the fields it depends on. */
final class TestEvents {

    private TestEvents() {}

    static String newUser() {
        return UUID.randomUUID().toString();
    }

    static Event registered(String userId) {
        return Event.create(userId, "test", new EventPayload.UserRegistered("a@example.com", "A", "UTC"));
    }

    static Event added(String userId, String expenseId, String description, String merchant, String categoryId,
                       List<String> tags) {
        return Event.create(userId, "test", new ExpenseAdded(expenseId, 1, new BigDecimal("9.99"), "EUR", description,
                merchant, Instant.parse("2026-03-15T08:30:00Z"), categoryId, tags, null));
    }

    static Event added(String userId, String description) {
        return added(userId, UUID.randomUUID().toString(), description, null, null, List.of());
    }

    static Event addedByHand(String userId, String description, String merchant, String categoryId) {
        return added(userId, UUID.randomUUID().toString(), description, merchant, categoryId, List.of());
    }

    static Event updated(String userId, String expenseId, long version, String description, String categoryId) {
        return Event.create(userId, "test", new ExpenseUpdated(expenseId, version, new BigDecimal("9.99"), "EUR",
                description, null, Instant.parse("2026-03-16T08:30:00Z"), categoryId, List.of(), null));
    }

    static Event deleted(String userId, String expenseId, long version) {
        return Event.create(userId, "test", new EventPayload.ExpenseDeleted(expenseId, version));
    }

    static Event categoryDeleted(String userId, String categoryId) {
        return Event.create(userId, "test", new EventPayload.CategoryDeleted(categoryId));
    }

    static Event rule(String userId, String ruleId, String change, RuleDefinition definition) {
        return Event.create(userId, "test", new EventPayload.RuleChanged(ruleId, change, definition));
    }

    /** A rule: description contains {@code keyword} -> category (may be null) and tags. */
    static RuleDefinition contains(String keyword, int priority, String categoryId, List<String> tags,
                                   boolean stopProcessing) {
        return new RuleDefinition("when " + keyword, priority, "all",
                List.of(new RuleCondition("description", "contains", keyword)),
                new RuleActions(categoryId, tags), stopProcessing);
    }
}
