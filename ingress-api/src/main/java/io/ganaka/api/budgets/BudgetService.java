package io.ganaka.api.budgets;

import io.ganaka.api.events.EventPublisher;
import io.ganaka.api.events.PublishUnavailableException;
import io.ganaka.api.events.Publishing;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload.BudgetChanged;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

/**
 * Monthly budgets and the recurring default. Writes are synchronous, like accounts: the items are replaced and
 * budget.changed made durable in one transaction, so a 200 is both stored and announced and the next GET shows it.
 */
public final class BudgetService {

    private final BudgetRepository budgets;
    private final EventPublisher publisher;
    private final Duration publishTimeout;

    public BudgetService(BudgetRepository budgets, EventPublisher publisher, Duration publishTimeout) {
        this.budgets = budgets;
        this.publisher = publisher;
        this.publishTimeout = publishTimeout;
    }

    /** What applies to the period: its own items, or (for a month without any) the default's. */
    public BudgetView get(String userId, BudgetPeriod period) throws SQLException {
        return budgets.resolve(UUID.fromString(userId), period);
    }

    /**
     * Replaces the period's items (an empty list clears them; a month then falls back to the default) and answers
     * what now applies.
     *
     * @throws PublishUnavailableException when budget.changed is not durable in time; nothing is changed then
     */
    public BudgetView replace(String userId, BudgetPeriod period, BudgetRequest request, String correlationId)
            throws SQLException {
        UUID user = UUID.fromString(userId);
        budgets.replace(user, period, request.items(), stored -> Publishing.awaitDurable(publisher,
                Event.create(userId, correlationId,
                        new BudgetChanged(period.eventYear(), period.eventMonth(), stored)),
                publishTimeout));
        return budgets.resolve(user, period);
    }
}
