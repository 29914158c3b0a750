package io.ganaka.streams.alerts;

import io.ganaka.schemas.Correlation;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.EventPayload.AlertRaised;
import io.ganaka.schemas.EventPayload.ExpenseAdded;
import io.ganaka.schemas.EventPayload.ExpenseCategorized;
import io.ganaka.schemas.EventPayload.ExpenseChange;
import io.ganaka.schemas.EventPayload.ExpenseDeleted;
import io.ganaka.schemas.EventPayload.ExpenseUpdated;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises the per-expense alerts from {@code ganaka.expenses.categorized}: high value on every add and on an update
 * that crosses the threshold ({@link HighValueDetector}), unusual spending on adds ({@link UnusualSpendingDetector}).
 * The category of an add without one is the one the categorization puts right after it; so such an add waits (in a
 * store) for the user's next record, and a wall-clock punctuation judges adds left waiting with no category.
 */
final class ExpenseAlertProcessor implements Processor<String, Event, String, Event> {

    private static final Logger LOG = LoggerFactory.getLogger(ExpenseAlertProcessor.class);

    /** How long an add without category waits for its categorization before it counts as Uncategorized. */
    static final Duration PENDING_WAIT = Duration.ofSeconds(5);

    private final AlertSettings settings;
    private final HighValueDetector highValue = new HighValueDetector();
    private final UnusualSpendingDetector unusual;
    /** When each pending add was first seen by this instance (not kept across restarts: those are judged at once). */
    private final Map<String, Long> pendingSince = new HashMap<>();
    private ProcessorContext<String, Event> context;
    private KeyValueStore<String, AlertProfile> profiles;
    private KeyValueStore<String, SpendingHistory> histories;
    private KeyValueStore<String, String> amounts;
    private KeyValueStore<String, Event> pending;

    ExpenseAlertProcessor(AlertSettings settings) {
        this.settings = settings;
        this.unusual = new UnusualSpendingDetector(settings);
    }

    @Override
    public void init(ProcessorContext<String, Event> context) {
        this.context = context;
        this.profiles = context.getStateStore(AlertStores.PROFILES);
        this.histories = context.getStateStore(AlertStores.HISTORIES);
        this.amounts = context.getStateStore(AlertStores.AMOUNTS);
        this.pending = context.getStateStore(AlertStores.PENDING_ADDS);
        context.schedule(PENDING_WAIT, PunctuationType.WALL_CLOCK_TIME, this::judgeWaitingAdds);
    }

    @Override
    public void process(Record<String, Event> record) {
        Event event = record.value();
        if (event == null) {
            return;
        }
        String userId = event.userId();
        Event waiting = pending.get(userId);
        if (waiting != null) {
            pending.delete(userId);
            pendingSince.remove(userId);
            if (event.data() instanceof ExpenseCategorized categorized && categorizes(categorized, waiting)) {
                judgeUnusual(waiting, categorized.categoryId(), record.timestamp());
                return;
            }
            judgeUnusual(waiting, null, record.timestamp());
        }
        EventPayload data = event.data();
        if (data instanceof ExpenseAdded added) {
            judgeHighValue(event, added, null, record.timestamp());
            amounts.put(AlertStores.key(userId, added.expenseId()), plain(added.amount()));
            if (added.categoryId() != null) {
                judgeUnusual(event, added.categoryId(), record.timestamp());
            } else {
                pending.put(userId, event);
                pendingSince.put(userId, context.currentSystemTimeMs());
            }
        } else if (data instanceof ExpenseUpdated updated) {
            String key = AlertStores.key(userId, updated.expenseId());
            String previous = amounts.get(key);
            judgeHighValue(event, updated, previous == null ? null : new BigDecimal(previous), record.timestamp());
            amounts.put(key, plain(updated.amount()));
        } else if (data instanceof ExpenseDeleted deleted) {
            amounts.delete(AlertStores.key(userId, deleted.expenseId()));
        }
    }

    private void judgeHighValue(Event event, ExpenseChange expense, BigDecimal previousAmount, long timestamp) {
        AlertProfile profile = profiles.get(event.userId());
        BigDecimal threshold = profile == null ? settings.defaultHighValueThreshold()
                : profile.thresholdOr(settings.defaultHighValueThreshold());
        raise(event, highValue.detect(expense, previousAmount, threshold), timestamp);
    }

    /** Checks the add against its history, then adds it to that history. */
    private void judgeUnusual(Event event, String categoryId, long timestamp) {
        if (!(event.data() instanceof ExpenseAdded added) || added.amount() == null) {
            return;
        }
        String key = AlertStores.key(event.userId(), categoryId == null ? "none" : categoryId, added.currency());
        SpendingHistory history = histories.get(key);
        history = history == null ? SpendingHistory.EMPTY : history;
        raise(event, unusual.detect(added, categoryId, history), timestamp);
        histories.put(key, history.with(added.amount().doubleValue()));
    }

    private void judgeWaitingAdds(long now) {
        List<KeyValue<String, Event>> due = new ArrayList<>();
        try (KeyValueIterator<String, Event> entries = pending.all()) {
            entries.forEachRemaining(entry -> {
                Long since = pendingSince.get(entry.key);
                if (since == null || now - since >= PENDING_WAIT.toMillis()) {
                    due.add(entry);
                }
            });
        }
        for (KeyValue<String, Event> entry : due) {
            pending.delete(entry.key);
            pendingSince.remove(entry.key);
            judgeUnusual(entry.value, null, entry.value.occurredAt().toEpochMilli());
        }
    }

    @SuppressWarnings("try") // the scope is held for the MDC entries it sets, never referenced
    private void raise(Event cause, Optional<AlertRaised> alert, long timestamp) {
        alert.ifPresent(raised -> {
            Event event = new Event(raised.alertId(), "alert.raised", Event.CURRENT_SCHEMA_VERSION,
                    Instant.ofEpochMilli(timestamp), cause.userId(), cause.correlationId(), raised);
            try (Correlation.Scope ignored = Correlation.open(cause.correlationId())) {
                LOG.info("alert {} {} raised for user {} by {} {}", raised.kind(), raised.alertId(), cause.userId(),
                        cause.type(), cause.id());
            }
            context.forward(new Record<>(cause.userId(), event, timestamp));
        });
    }

    private static boolean categorizes(ExpenseCategorized categorized, Event waiting) {
        return waiting.data() instanceof ExpenseAdded added && added.expenseId().equals(categorized.expenseId())
                && added.expenseVersion() == categorized.expenseVersion();
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "0" : amount.toPlainString();
    }
}
