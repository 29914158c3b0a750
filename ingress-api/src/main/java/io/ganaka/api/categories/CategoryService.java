package io.ganaka.api.categories;

import io.ganaka.api.Ids;
import io.ganaka.api.errors.ConflictException;
import io.ganaka.api.errors.NotFoundException;
import io.ganaka.api.events.EventPublisher;
import io.ganaka.api.events.PublishUnavailableException;
import io.ganaka.api.events.PublishWindow;
import io.ganaka.api.events.Publishing;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventIds;
import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.EventPayload.BudgetChanged;
import io.ganaka.schemas.EventPayload.CategoryCreated;
import io.ganaka.schemas.EventPayload.CategoryDeleted;
import io.ganaka.schemas.EventPayload.CategoryUpdated;
import io.ganaka.schemas.EventPayload.ExpenseCategorized;
import io.ganaka.schemas.EventPayload.RuleChanged;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * A user's categories. Definitions are written synchronously, like accounts: the row changes and its event is made
 * durable in one transaction, so names stay unique (409) and the next read shows the write. Another user's ids, and
 * malformed ones, are simply not found.
 */
public final class CategoryService {

    /** The most categories one user may have; it keeps {@code GET /categories} a single, bounded answer. */
    public static final int MAX_CATEGORIES = 500;
    /** Expenses read per page while moving a deleted category's expenses to Uncategorized. */
    static final int EXPENSE_PAGE = 500;
    /** Category-deleted moves awaiting their ack at once: well under the publisher's buffer shared with all requests. */
    static final int MOVE_WINDOW = 16;

    private final CategoryRepository categories;
    private final CategoryRemovals removals;
    private final EventPublisher publisher;
    private final Duration publishTimeout;

    public CategoryService(CategoryRepository categories, CategoryRemovals removals, EventPublisher publisher,
                           Duration publishTimeout) {
        this.categories = categories;
        this.removals = removals;
        this.publisher = publisher;
        this.publishTimeout = publishTimeout;
    }

    public CategoryList list(String userId) throws SQLException {
        return new CategoryList(categories.list(UUID.fromString(userId)));
    }

    public CategoryView get(String userId, String id) throws SQLException {
        return categories.find(UUID.fromString(userId), categoryId(userId, id)).orElseThrow(() -> notFound(userId, id));
    }

    /**
     * @throws ConflictException when the name is taken (ignoring case) or the user has too many categories
     * @throws PublishUnavailableException when category.created is not durable in time; nothing is stored then
     */
    public CategoryView create(String userId, CategoryRequest request, String correlationId) throws SQLException {
        UUID id = UUID.fromString(EventIds.newId());
        return categories.create(UUID.fromString(userId), id, request, MAX_CATEGORIES, created ->
                awaitDurable(userId, correlationId, new CategoryCreated(created.id(), created.name(),
                        created.description(), created.color())));
    }

    /** @throws ConflictException when another category of the user has the name (ignoring case) */
    public CategoryView replace(String userId, String id, CategoryRequest request, String correlationId)
            throws SQLException {
        return categories.replace(UUID.fromString(userId), categoryId(userId, id), request, updated ->
                        awaitDurable(userId, correlationId, new CategoryUpdated(updated.id(), updated.name(),
                                updated.description(), updated.color())))
                .orElseThrow(() -> notFound(userId, id));
    }

    /**
     * Deletes a category. Its expenses move to Uncategorized by events, never by silent updates: one expense.categorized
     * (categoryId null, reason category-deleted) per live expense the projection holds, at the version it holds, so a
     * later edit by the user still wins. Then, in one transaction, the rules that set the category and its budgets go
     * (rule.changed, budget.changed) and the row itself (category.deleted).
     *
     * @throws PublishUnavailableException when an event is not durable in time; the category then still exists, and
     *                                     repeating the delete finishes the job
     */
    public void delete(String userId, String id, String correlationId) throws SQLException {
        UUID user = UUID.fromString(userId);
        UUID category = categoryId(userId, id);
        if (categories.find(user, category).isEmpty()) {
            throw notFound(userId, id);
        }
        moveExpensesToUncategorized(user, category, correlationId);
        boolean deleted = removals.delete(user, category, removal -> {
            PublishWindow window = new PublishWindow(publisher, MOVE_WINDOW, publishTimeout);
            for (UUID rule : removal.deletedRules()) {
                window.publish(Event.create(userId, correlationId, new RuleChanged(rule.toString(), "deleted", null)));
            }
            for (BudgetChanged budgets : removal.changedBudgets()) {
                window.publish(Event.create(userId, correlationId, budgets));
            }
            window.publish(Event.create(userId, correlationId, new CategoryDeleted(category.toString())));
            window.awaitAll();
        });
        if (!deleted) {
            throw notFound(userId, id); // deleted meanwhile by a concurrent request
        }
    }

    private void moveExpensesToUncategorized(UUID user, UUID category, String correlationId) throws SQLException {
        PublishWindow window = new PublishWindow(publisher, MOVE_WINDOW, publishTimeout);
        UUID after = null;
        List<CategorizedExpense> page;
        do {
            page = removals.expensesIn(user, category, after, EXPENSE_PAGE);
            for (CategorizedExpense expense : page) {
                window.publish(Event.create(user.toString(), correlationId, new ExpenseCategorized(
                        expense.id().toString(), expense.version(), null, "none", expense.tags(), null,
                        "category-deleted")));
            }
            after = page.isEmpty() ? after : page.get(page.size() - 1).id();
        } while (page.size() == EXPENSE_PAGE);
        window.awaitAll();
    }

    private void awaitDurable(String userId, String correlationId, EventPayload payload) {
        Publishing.awaitDurable(publisher, Event.create(userId, correlationId, payload),
                publishTimeout);
    }

    /** The id in a path; a malformed one is answered like another user's: not found. */
    private static UUID categoryId(String userId, String id) {
        return Ids.parse(id).orElseThrow(() -> notFound(userId, id));
    }

    private static NotFoundException notFound(String userId, String id) {
        return new NotFoundException("no category " + id + " for user " + userId);
    }
}
