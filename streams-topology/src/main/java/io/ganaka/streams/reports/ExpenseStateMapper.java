package io.ganaka.streams.reports;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.EventPayload.ExpenseChange;
import io.ganaka.schemas.EventPayload.ExpenseDeleted;
import io.ganaka.schemas.Money;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.apache.kafka.streams.kstream.ValueMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an expense event into the expense state it announces; other events, and expense events whose content cannot
 * be totalled exactly (unknown currency, too many decimals, no id), yield nothing and are logged, never thrown.
 */
public final class ExpenseStateMapper implements ValueMapper<Event, Iterable<ExpenseState>> {

    private static final Logger LOG = LoggerFactory.getLogger(ExpenseStateMapper.class);

    @Override
    public Iterable<ExpenseState> apply(Event event) {
        if (event == null) {
            return List.of();
        }
        try {
            EventPayload data = event.data();
            if (data instanceof ExpenseChange change) {
                return List.of(live(event, change));
            }
            if (data instanceof ExpenseDeleted deleted) {
                requireIdAndVersion(deleted.expenseId(), deleted.expenseVersion());
                return List.of(ExpenseState.deleted(event.userId(), deleted.expenseId(), deleted.expenseVersion()));
            }
            return List.of();
        } catch (RuntimeException e) {
            // The API validates expenses, so this is a producer bug or a hand-made record: skip it, keep the rest going.
            LOG.warn("Skipping event {} ({}) that cannot be totalled: {}", event.id(), event.type(), e.toString());
            return List.of();
        }
    }

    private static ExpenseState live(Event event, ExpenseChange change) {
        requireIdAndVersion(change.expenseId(), change.expenseVersion());
        if (change.amount() == null) {
            throw new IllegalArgumentException("no amount");
        }
        long amountMinor = Money.toMinor(change.amount(), change.currency());
        // Months are UTC until user time zones arrive; an expense without its own time counts when it was recorded.
        Instant when = change.occurredAt() != null ? change.occurredAt() : event.occurredAt();
        ZonedDateTime utc = when.atZone(ZoneOffset.UTC);
        return ExpenseState.live(event.userId(), change.expenseId(), change.expenseVersion(), change.currency(),
                amountMinor, utc.getYear(), utc.getMonthValue());
    }

    private static void requireIdAndVersion(String expenseId, long version) {
        if (expenseId == null || expenseId.isBlank()) {
            throw new IllegalArgumentException("no expenseId");
        }
        if (version < 1) {
            throw new IllegalArgumentException("expenseVersion must be at least 1: " + version);
        }
    }
}
