package io.ganaka.streams.alerts;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.EventPayload.BudgetItem;
import io.ganaka.schemas.EventPayload.ExpenseAdded;
import io.ganaka.schemas.EventPayload.ExpenseUpdated;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builds the input events of the alerts topology with the fields it depends on. */
final class AlertEvents {

    static final Instant MARCH = Instant.parse("2026-03-15T08:30:00Z");

    private AlertEvents() {}

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static Event added(String userId, String expenseId, String amount, String currency, String categoryId) {
        return Event.create(userId, "corr-add", new ExpenseAdded(expenseId, 1, new BigDecimal(amount), currency, "x",
                null, MARCH, categoryId, List.of(), null));
    }

    static Event added(String userId, String amount, String categoryId) {
        return added(userId, newId(), amount, "EUR", categoryId);
    }

    static Event updated(String userId, String expenseId, long version, String amount) {
        return Event.create(userId, "corr-upd", new ExpenseUpdated(expenseId, version, new BigDecimal(amount), "EUR",
                "x", null, MARCH, null, List.of(), null));
    }

    static Event categorized(Event add, String categoryId) {
        ExpenseAdded expense = (ExpenseAdded) add.data();
        return Event.create(add.userId(), "corr-cat", new EventPayload.ExpenseCategorized(expense.expenseId(),
                expense.expenseVersion(), categoryId, "rule", List.of(), newId(), "rule"));
    }

    static Event deleted(String userId, String expenseId, long version) {
        return Event.create(userId, "corr-del", new EventPayload.ExpenseDeleted(expenseId, version));
    }

    static Event threshold(String userId, String threshold) {
        ObjectNode preferences = JsonNodeFactory.instance.objectNode();
        if (threshold != null) {
            preferences.put("highValueThreshold", threshold);
        }
        return Event.create(userId, "corr-user", new EventPayload.UserUpdated("A", "UTC", preferences));
    }

    static Event userDeleted(String userId) {
        return Event.create(userId, "corr-user", new EventPayload.UserDeleted("self"));
    }

    static Event budget(String userId, Integer year, Integer month, BudgetItem... items) {
        return Event.create(userId, "corr-budget", new EventPayload.BudgetChanged(year, month, List.of(items)));
    }

    static BudgetItem item(String categoryId, String amount) {
        return new BudgetItem(categoryId, "EUR", new BigDecimal(amount));
    }
}
