package io.ganaka.sinks;

import io.ganaka.schemas.CategoryTotal;
import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.MonthlyTotal;
import io.ganaka.schemas.dashboard.DashboardDraft;
import io.ganaka.schemas.dashboard.DashboardItems;
import java.time.Instant;
import java.util.UUID;

/**
 * One record of a topic the dashboard sink reads, as the change it makes to a user's dashboard. {@code source} names
 * the topic partition and {@code offset} the record's place in it, so that the dashboard applies each record once.
 */
sealed interface DashboardInput {

    UUID userId();

    String source();

    long offset();

    /** The request that caused it, or null (reports carry none). */
    String correlationId();

    void applyTo(DashboardDraft draft);

    record ExpenseChanged(UUID userId, String source, long offset, String correlationId,
                          EventPayload.ExpenseChange change) implements DashboardInput {
        @Override
        public void applyTo(DashboardDraft draft) {
            draft.applyExpense(DashboardItems.expense(change));
        }
    }

    record ExpenseDeleted(UUID userId, String source, long offset, String correlationId,
                          EventPayload.ExpenseDeleted deleted) implements DashboardInput {
        @Override
        public void applyTo(DashboardDraft draft) {
            draft.applyDeletion(deleted.expenseId(), deleted.expenseVersion());
        }
    }

    record ExpenseCategorized(UUID userId, String source, long offset, String correlationId,
                              EventPayload.ExpenseCategorized categorized) implements DashboardInput {
        @Override
        public void applyTo(DashboardDraft draft) {
            draft.applyCategorization(categorized.expenseId(), categorized.expenseVersion(),
                    categorized.categoryId(), categorized.categorizedBy(), categorized.tags());
        }
    }

    record Monthly(UUID userId, String source, long offset, MonthlyTotal total) implements DashboardInput {
        @Override
        public String correlationId() {
            return null;
        }

        @Override
        public void applyTo(DashboardDraft draft) {
            draft.applyMonthlyTotal(total.year(), total.month(), total.currency(), total.total(), total.count());
        }
    }

    record Category(UUID userId, String source, long offset, CategoryTotal total) implements DashboardInput {
        @Override
        public String correlationId() {
            return null;
        }

        @Override
        public void applyTo(DashboardDraft draft) {
            draft.applyCategoryTotal(total.year(), total.month(), total.categoryId(), total.currency(), total.total(),
                    total.count());
        }
    }

    /** The account was deleted: its dashboard goes with it. */
    record AccountDeleted(UUID userId, String source, long offset) implements DashboardInput {
        @Override
        public String correlationId() {
            return null;
        }

        @Override
        public void applyTo(DashboardDraft draft) {
            // Nothing to merge: the sink deletes the whole dashboard.
        }
    }

    record Alert(UUID userId, String source, long offset, String correlationId, EventPayload.AlertRaised alert,
                 Instant raisedAt) implements DashboardInput {
        @Override
        public void applyTo(DashboardDraft draft) {
            draft.applyAlert(DashboardItems.alert(alert, raisedAt));
        }
    }
}
