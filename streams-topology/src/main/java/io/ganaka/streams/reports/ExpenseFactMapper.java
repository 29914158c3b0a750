package io.ganaka.streams.reports;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.EventPayload.ExpenseCategorized;
import io.ganaka.schemas.EventPayload.ExpenseChange;
import io.ganaka.schemas.EventPayload.ExpenseDeleted;
import io.ganaka.schemas.Money;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.apache.kafka.streams.kstream.ValueMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an expense event (with its user's time zone) into the fact it announces: a new state for an add, update or
 * delete, or a categorization. Other events, and expense events whose content cannot be totalled exactly (unknown
 * currency, too many decimals, no id), yield nothing and are logged, never thrown.
 */
public final class ExpenseFactMapper implements ValueMapper<ZonedEvent, Iterable<ExpenseFact>> {

    private static final Logger LOG = LoggerFactory.getLogger(ExpenseFactMapper.class);

    @Override
    public Iterable<ExpenseFact> apply(ZonedEvent zoned) {
        if (zoned == null || zoned.event() == null) {
            return List.of();
        }
        Event event = zoned.event();
        try {
            EventPayload data = event.data();
            if (data instanceof ExpenseChange change) {
                return List.of(ExpenseFact.of(live(zoned, change)));
            }
            if (data instanceof ExpenseDeleted deleted) {
                requireIdAndVersion(deleted.expenseId(), deleted.expenseVersion());
                return List.of(ExpenseFact.of(ExpenseState.deleted(event.userId(), deleted.expenseId(), deleted.expenseVersion())));
            }
            if (data instanceof ExpenseCategorized categorized) {
                requireIdAndVersion(categorized.expenseId(), categorized.expenseVersion());
                return List.of(ExpenseFact.of(new Categorization(event.userId(), categorized.expenseId(),
                        categorized.expenseVersion(), categorized.categoryId(), categorized.categorizedBy(), categorized.tags())));
            }
            return List.of();
        } catch (RuntimeException e) {
            // The API validates expenses, so this is a producer bug or a hand-made record: skip it, keep the rest going.
            LOG.warn("Skipping event {} ({}) that cannot be totalled: {}", event.id(), event.type(), e.toString());
            return List.of();
        }
    }

    private static ExpenseState live(ZonedEvent zoned, ExpenseChange change) {
        requireIdAndVersion(change.expenseId(), change.expenseVersion());
        if (change.amount() == null) {
            throw new IllegalArgumentException("no amount");
        }
        long amountMinor = Money.toMinor(change.amount(), change.currency());
        // An expense without its own time counts when it was recorded.
        Instant when = change.occurredAt() != null ? change.occurredAt() : zoned.event().occurredAt();
        ZonedDateTime local = when.atZone(zoned.zone());
        return new ExpenseState(zoned.event().userId(), change.expenseId(), change.expenseVersion(), false,
                change.currency(), amountMinor, local.getYear(), local.getMonthValue(), change.categoryId(),
                change.categoryId() == null ? "none" : "user", change.tags());
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
