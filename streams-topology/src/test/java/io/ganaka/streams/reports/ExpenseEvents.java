package io.ganaka.streams.reports;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload.ExpenseAdded;
import io.ganaka.schemas.EventPayload.ExpenseCategorized;
import io.ganaka.schemas.EventPayload.ExpenseDeleted;
import io.ganaka.schemas.EventPayload.ExpenseUpdated;
import io.ganaka.schemas.EventPayload.UserRegistered;
import io.ganaka.schemas.EventPayload.UserUpdated;
import io.ganaka.schemas.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Builds expense and user events for tests, with only the fields the reports depend on. */
final class ExpenseEvents {

    private ExpenseEvents() {}

    static Event added(String userId, String expenseId, String amount, String currency, String occurredAt) {
        return added(userId, expenseId, amount, currency, occurredAt, null);
    }

    static Event added(String userId, String expenseId, String amount, String currency, String occurredAt, String categoryId) {
        return Event.create(userId, "test", new ExpenseAdded(expenseId, 1, new BigDecimal(amount), currency,
                "coffee", "cafe", Instant.parse(occurredAt), categoryId, List.of(), ""));
    }

    static Event updated(String userId, String expenseId, long version, String amount, String currency, String occurredAt) {
        return updated(userId, expenseId, version, amount, currency, occurredAt, null);
    }

    static Event updated(String userId, String expenseId, long version, String amount, String currency, String occurredAt,
            String categoryId) {
        return Event.create(userId, "test", new ExpenseUpdated(expenseId, version, new BigDecimal(amount), currency,
                "coffee", "cafe", Instant.parse(occurredAt), categoryId, List.of(), ""));
    }

    static Event deleted(String userId, String expenseId, long version) {
        return Event.create(userId, "test", new ExpenseDeleted(expenseId, version));
    }

    /** What the categorization topology emits after an add or update without a category. */
    static Event categorized(String userId, String expenseId, long version, String categoryId) {
        return Event.create(userId, "test", new ExpenseCategorized(expenseId, version, categoryId,
                categoryId == null ? "none" : "rule", List.of("auto"), categoryId == null ? null : "r1", "rules-applied"));
    }

    static Event registered(String userId, String timezone) {
        return Event.create(userId, "test", new UserRegistered(userId + "@example.com", "Test", timezone));
    }

    static Event timezoneChanged(String userId, String timezone) {
        return Event.create(userId, "test", new UserUpdated("Test", timezone, Json.MAPPER.createObjectNode()));
    }
}
