package io.ganaka.schemas.dashboard;

import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.StoredInstants;
import java.time.Instant;

/**
 * Dashboard items made from events, written exactly as {@link DashboardQueries} makes them from the database rows the
 * other sinks wrote from the same events, so that a dashboard rebuilt from Postgres equals the one built from events.
 */
public final class DashboardItems {

    private DashboardItems() {}

    /** The item of an added or updated expense; as the expense sink does, a category given by the user is "user". */
    public static ExpenseItem expense(EventPayload.ExpenseChange change) {
        return new ExpenseItem(change.expenseId(), change.expenseVersion(),
                DashboardDraft.amount(change.amount(), change.currency()), change.currency(),
                change.description() == null ? "" : change.description(), change.merchant(),
                instant(change.occurredAt()), change.categoryId(), change.categoryId() == null ? "none" : "user",
                change.tags());
    }

    /** The item of a raised alert, raised at the event's time. */
    public static AlertItem alert(EventPayload.AlertRaised a, Instant raisedAt) {
        return new AlertItem(a.alertId(), a.kind(), a.expenseId(), a.categoryId(), a.currency(),
                a.amount() == null ? null : a.amount().toPlainString(),
                a.threshold() == null ? null : a.threshold().toPlainString(), a.percent(), a.year(), a.month(),
                a.message(), instant(raisedAt));
    }

    /** Postgres keeps microseconds: instants are cut to them so both ways of building agree. */
    static Instant instant(Instant at) {
        return StoredInstants.micros(at);
    }
}
