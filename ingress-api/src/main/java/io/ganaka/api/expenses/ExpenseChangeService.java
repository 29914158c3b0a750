package io.ganaka.api.expenses;

import io.ganaka.api.Ids;
import io.ganaka.api.errors.ConflictException;
import io.ganaka.api.errors.NotFoundException;
import io.ganaka.api.errors.PreconditionFailedException;
import io.ganaka.api.errors.PreconditionRequiredException;
import io.ganaka.api.errors.UnprocessableException;
import io.ganaka.api.events.EventPublisher;
import io.ganaka.api.events.ProjectionWaiter;
import io.ganaka.api.events.PublishUnavailableException;
import io.ganaka.api.events.Published;
import io.ganaka.api.events.Publishing;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload.ExpenseDeleted;
import io.ganaka.schemas.EventPayload.ExpenseUpdated;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Replaces and deletes expenses the caller already has. A change names the version it builds on (If-Match, checked
 * against the projection) and claims the next version in {@link VersionReservations} before publishing, so of two
 * changes against the same version only the first is accepted, even before the projection has caught up. With a
 * wait ({@code Prefer: wait}), the answer also says whether the expenses sink projected the change in time.
 */
public final class ExpenseChangeService {

    private final ExpenseRepository expenses;
    private final VersionReservations reservations;
    private final EventPublisher publisher;
    private final Duration publishTimeout;
    private final ProjectionWaiter projections;

    public ExpenseChangeService(ExpenseRepository expenses, VersionReservations reservations, EventPublisher publisher,
                                Duration publishTimeout, ProjectionWaiter projections) {
        this.expenses = expenses;
        this.reservations = reservations;
        this.publisher = publisher;
        this.publishTimeout = publishTimeout;
        this.projections = projections;
    }

    /**
     * Publishes {@code expense.updated} with the whole new content at the next version.
     *
     * @param ifMatch the request's If-Match, null when absent (428: a replacement must name what it replaces)
     * @param wait    how long to wait for the projection after the event is durable; zero for not at all
     */
    public ExpenseChanged replace(String userId, String expenseId, IfMatch ifMatch, ExpenseRequest request,
                                  String correlationId, Duration wait) throws SQLException {
        if (ifMatch == null) {
            throw new PreconditionRequiredException("Send If-Match with the ETag of the version you replace, or *.");
        }
        UUID user = UUID.fromString(userId);
        ExpenseView current = current(user, expenseId);
        requireMatch(current, ifMatch);
        if (request.categoryId() != null && !expenses.categoryBelongsTo(user, request.categoryId())) {
            throw new UnprocessableException("categoryId", "is not one of your categories");
        }
        long next = current.version() + 1;
        claim(user, current, next, true);
        return publish(user, current, next, Event.create(userId, correlationId, new ExpenseUpdated(current.id(),
                next, request.amount(), request.currency(), request.description(), request.merchant(),
                request.occurredAt(), request.categoryId() == null ? null : request.categoryId().toString(),
                request.tags(), request.notes())), wait);
    }

    /** Publishes {@code expense.deleted} at the next version; If-Match is optional, but must match when sent. */
    public ExpenseChanged delete(String userId, String expenseId, IfMatch ifMatch, String correlationId,
                                 Duration wait) throws SQLException {
        UUID user = UUID.fromString(userId);
        ExpenseView current = current(user, expenseId);
        if (ifMatch != null) {
            requireMatch(current, ifMatch);
        }
        long next = current.version() + 1;
        claim(user, current, next, ifMatch != null);
        Event event = Event.create(userId, correlationId, new ExpenseDeleted(current.id(), next));
        return publish(user, current, next, event, wait);
    }

    private ExpenseView current(UUID user, String expenseId) throws SQLException {
        // Unknown, another user's, deleted, not projected yet or no id at all: the same 404, revealing nothing.
        Optional<UUID> id = Ids.parse(expenseId);
        Optional<ExpenseView> found = id.isPresent() ? expenses.find(user, id.get()) : Optional.empty();
        return found.orElseThrow(() -> new NotFoundException("no expense " + expenseId + " for user " + user));
    }

    private static void requireMatch(ExpenseView current, IfMatch ifMatch) {
        if (!ifMatch.matches(current.version())) {
            throw new PreconditionFailedException("The expense is at version " + current.version()
                    + ", which If-Match does not name; read it again and retry.", IfMatch.etag(current.version()));
        }
    }

    private void claim(UUID user, ExpenseView current, long version, boolean conditional) {
        if (reservations.reserve(user, UUID.fromString(current.id()), version)) {
            return;
        }
        // Another change built on the same version was accepted and is on its way to the projection.
        if (conditional) {
            throw new PreconditionFailedException("Another change of version " + current.version()
                    + " was accepted first; read the expense again once it shows the new version, then retry.", null);
        }
        throw new ConflictException("expense-change-in-progress",
                "Another change of this expense is being processed; retry in a moment.");
    }

    private ExpenseChanged publish(UUID user, ExpenseView current, long version, Event event, Duration wait)
            throws SQLException {
        Published published;
        try {
            published = Publishing.awaitProjected(publisher, projections, event, publishTimeout, ExpenseService.SINK,
                    wait);
        } catch (PublishUnavailableException e) {
            // Not accepted, so the version is free again for the client's retry.
            reservations.release(user, UUID.fromString(current.id()), version);
            throw e;
        }
        ExpenseChangeAccepted accepted = ExpenseChangeAccepted.of(current.id(), version, published.receipt().eventId());
        // A deleted expense reads as absent, so a projected delete answers with no view at all.
        Optional<ExpenseView> view = published.projected()
                ? expenses.find(user, UUID.fromString(current.id())) : Optional.empty();
        return new ExpenseChanged(accepted, published.projected(), view);
    }
}
