package io.ganaka.api.expenses;

import io.ganaka.api.Ids;
import io.ganaka.api.errors.NotFoundException;
import io.ganaka.api.errors.UnprocessableException;
import io.ganaka.api.events.EventPublisher;
import io.ganaka.api.events.ProjectionWaiter;
import io.ganaka.api.events.PublishReceipt;
import io.ganaka.api.events.PublishUnavailableException;
import io.ganaka.api.events.Published;
import io.ganaka.api.events.Publishing;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventIds;
import io.ganaka.schemas.EventPayload.ExpenseAdded;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Expense writes become events made durable in JetStream before the caller hears "accepted"; reads come from the
 * Postgres projection and only ever see the caller's own rows.
 */
public final class ExpenseService {

    /** The sink whose report means "readable through GET /expenses/{id}". */
    static final String SINK = "expenses";

    private final ExpenseRepository expenses;
    private final EventPublisher publisher;
    private final Duration publishTimeout;
    private final ProjectionWaiter projections;

    public ExpenseService(ExpenseRepository expenses, EventPublisher publisher, Duration publishTimeout) {
        this(expenses, publisher, publishTimeout, ProjectionWaiter.disabled());
    }

    public ExpenseService(ExpenseRepository expenses, EventPublisher publisher, Duration publishTimeout,
                          ProjectionWaiter projections) {
        this.expenses = expenses;
        this.publisher = publisher;
        this.publishTimeout = publishTimeout;
        this.projections = projections;
    }

    /** @throws PublishUnavailableException when the event is not durable within the publish timeout */
    public ExpenseAccepted add(String userId, ExpenseRequest request, String correlationId) throws SQLException {
        return add(userId, request, correlationId, Duration.ZERO).accepted();
    }

    /**
     * Adds the expense and, for a positive {@code wait}, waits up to {@code wait} for it to be projected, then reads
     * it back; without a report in time the answer is only "accepted".
     *
     * @throws PublishUnavailableException when the event is not durable within the publish timeout
     */
    public ExpenseWritten add(String userId, ExpenseRequest request, String correlationId, Duration wait)
            throws SQLException {
        if (request.categoryId() != null
                && !expenses.categoryBelongsTo(UUID.fromString(userId), request.categoryId())) {
            throw new UnprocessableException("categoryId", "is not one of your categories");
        }
        String expenseId = EventIds.newId();
        Event event = Event.create(userId, correlationId, new ExpenseAdded(
                expenseId, 1, request.amount(), request.currency(), request.description(), request.merchant(),
                request.occurredAt(), request.categoryId() == null ? null : request.categoryId().toString(),
                request.tags(), request.notes()));
        Published published = Publishing.awaitProjected(publisher, projections, event, publishTimeout, SINK, wait);
        ExpenseAccepted accepted = ExpenseAccepted.of(expenseId, published.receipt().eventId());
        return new ExpenseWritten(accepted, published.projected()
                ? expenses.find(UUID.fromString(userId), UUID.fromString(expenseId)) : Optional.empty());
    }

    public ExpenseView get(String userId, String expenseId) throws SQLException {
        Optional<UUID> id = Ids.parse(expenseId);
        Optional<ExpenseView> found = id.isPresent() ? expenses.find(UUID.fromString(userId), id.get()) : Optional.empty();
        // A malformed id and another user's id answer alike: nothing here for you.
        return found.orElseThrow(() -> new NotFoundException("no expense " + expenseId + " for user " + userId));
    }

    /** One page of the caller's expenses, newest first, with the cursor of the next page when there is one. */
    public ExpensePage list(String userId, ExpenseListRequest request) throws SQLException {
        List<ExpenseView> rows = expenses.list(UUID.fromString(userId), request, request.limit() + 1);
        if (rows.size() <= request.limit()) {
            return new ExpensePage(rows, null);
        }
        List<ExpenseView> page = rows.subList(0, request.limit());
        ExpenseView last = page.get(page.size() - 1);
        return new ExpensePage(page, new ExpenseCursor(last.occurredAt(), UUID.fromString(last.id())).encode());
    }

    private PublishReceipt awaitDurable(Event event) {
        return Publishing.awaitDurable(publisher, event, publishTimeout);
    }

}
