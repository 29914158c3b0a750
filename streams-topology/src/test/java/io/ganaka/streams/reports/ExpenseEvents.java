package io.ganaka.streams.reports;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload.ExpenseAdded;
import io.ganaka.schemas.EventPayload.ExpenseDeleted;
import io.ganaka.schemas.EventPayload.ExpenseUpdated;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Builds expense events for tests, with only the fields the totals depend on. */
final class ExpenseEvents {

    private ExpenseEvents() {}

    static Event added(String userId, String expenseId, String amount, String currency, String occurredAt) {
        return Event.create(userId, "test", new ExpenseAdded(expenseId, 1, new BigDecimal(amount), currency,
                "coffee", "cafe", Instant.parse(occurredAt), null, List.of(), ""));
    }

    static Event updated(String userId, String expenseId, long version, String amount, String currency, String occurredAt) {
        return Event.create(userId, "test", new ExpenseUpdated(expenseId, version, new BigDecimal(amount), currency,
                "coffee", "cafe", Instant.parse(occurredAt), null, List.of(), ""));
    }

    static Event deleted(String userId, String expenseId, long version) {
        return Event.create(userId, "test", new ExpenseDeleted(expenseId, version));
    }
}
