package io.ganaka.app.reconcile;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Folds the accepted events, in stream order, into the expense state the sinks must reach: per user and expense the
 * newest version under the expense sink's rules (a higher version wins; a delete newer than what is held makes a
 * tombstone that no later version undoes; the data is the newest add or update's), and nothing at all for a user
 * erased by {@code user.deleted}. Events the sinks reject as poison (no amount, version below 1, ...) are skipped and
 * counted. Also remembers each user's time zone as the stream set it, and who registered.
 */
public final class AcceptedExpenses {

    private final Map<UUID, Map<UUID, ExpectedExpense>> expenses = new HashMap<>();
    private final Map<UUID, String> zones = new HashMap<>();
    private final Set<UUID> registered = new HashSet<>();
    private final Set<UUID> erased = new HashSet<>();
    private final Set<UUID> users = new HashSet<>();
    private long skipped;

    /** Applies one event; events that concern no expense or account change nothing. */
    public void apply(Event event) {
        UUID user = uuid(event.userId());
        if (user == null) {
            skipped++;
            return;
        }
        users.add(user);
        EventPayload data = event.data();
        if (data instanceof EventPayload.UserRegistered r) {
            registered.add(user);
            zones.put(user, r.timezone());
        } else if (data instanceof EventPayload.UserUpdated u) {
            zones.put(user, u.timezone());
        } else if (data instanceof EventPayload.UserDeleted) {
            erased.add(user);
            expenses.remove(user);
        } else if (data instanceof EventPayload.ExpenseChange change) {
            applyChange(user, change);
        } else if (data instanceof EventPayload.ExpenseDeleted deleted) {
            applyDelete(user, deleted);
        }
        // Categorizations keep the version; the other types are not about expenses.
    }

    private void applyChange(UUID user, EventPayload.ExpenseChange change) {
        UUID id = uuid(change.expenseId());
        if (id == null || change.expenseVersion() < 1 || change.amount() == null || change.currency() == null
                || change.occurredAt() == null || (change.categoryId() != null && uuid(change.categoryId()) == null)) {
            skipped++; // the sink dead-letters it
            return;
        }
        if (erased.contains(user)) {
            return; // a gone account: the sink projects nothing for it
        }
        long version = change.expenseVersion();
        expenses.computeIfAbsent(user, u -> new HashMap<>()).merge(id,
                new ExpectedExpense(id, version, false, version, change.amount(), change.currency(),
                        change.occurredAt(), zones.get(user)),
                (held, next) -> {
                    boolean newerData = next.dataVersion() > held.dataVersion();
                    ExpectedExpense data = newerData ? next : held;
                    return new ExpectedExpense(id, Math.max(held.version(), version), held.deleted(),
                            data.dataVersion(), data.amount(), data.currency(), data.occurredAt(), data.zone());
                });
    }

    private void applyDelete(UUID user, EventPayload.ExpenseDeleted delete) {
        UUID id = uuid(delete.expenseId());
        if (id == null || delete.expenseVersion() < 1) {
            skipped++;
            return;
        }
        if (erased.contains(user)) {
            return;
        }
        long version = delete.expenseVersion();
        expenses.computeIfAbsent(user, u -> new HashMap<>()).merge(id,
                new ExpectedExpense(id, version, true, 0, null, null, null, null),
                (held, next) -> new ExpectedExpense(id, Math.max(held.version(), version),
                        held.deleted() || held.version() < version, held.dataVersion(), held.amount(),
                        held.currency(), held.occurredAt(), held.zone()));
    }

    /** Every expense of the user the events name, deleted ones included; empty for an erased user. */
    public Map<UUID, ExpectedExpense> of(UUID user) {
        return Collections.unmodifiableMap(expenses.getOrDefault(user, Map.of()));
    }

    /** Every user any event named. */
    public Set<UUID> users() {
        return Collections.unmodifiableSet(users);
    }

    public boolean erased(UUID user) {
        return erased.contains(user);
    }

    public boolean registered(UUID user) {
        return registered.contains(user);
    }

    /** Whether any expense event (add, update or delete) named the user before an erasure. */
    public boolean hasExpenses(UUID user) {
        return expenses.containsKey(user);
    }

    /** Events the sinks would reject as poison, and events whose user id is not a UUID. */
    public long skipped() {
        return skipped;
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
