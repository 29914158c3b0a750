package io.ganaka.streams.alerts;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload.AlertRaised;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Raises budget alerts from the reports' absolute totals ({@code CategoryTotal} or {@code MonthlyTotal}, turned into
 * a {@link BudgetSpend}): looks up the month's budget for that spending, lets {@link BudgetThresholdDetector} compare,
 * and remembers the level reached. Uncategorized totals have no budget; spending without a budget keeps no level.
 */
final class BudgetAlertProcessor<T> implements Processor<String, T, String, Event> {

    private final Function<T, BudgetSpend> toSpend;
    private final BudgetThresholdDetector detector;
    private ProcessorContext<String, Event> context;
    private KeyValueStore<String, BudgetBook> budgets;
    private KeyValueStore<String, Integer> levels;

    BudgetAlertProcessor(Function<T, BudgetSpend> toSpend, AlertSettings settings) {
        this.toSpend = toSpend;
        this.detector = new BudgetThresholdDetector(settings);
    }

    @Override
    public void init(ProcessorContext<String, Event> context) {
        this.context = context;
        this.budgets = context.getStateStore(AlertStores.BUDGETS);
        this.levels = context.getStateStore(AlertStores.BUDGET_LEVELS);
    }

    @Override
    public void process(Record<String, T> record) {
        if (record.value() == null) {
            return;
        }
        BudgetSpend spend = toSpend.apply(record.value());
        if (spend.userId() == null || spend.currency() == null || spend.total() == null
                || (!spend.allSpending() && spend.categoryId() == null)) {
            return;
        }
        String key = spend.levelKey();
        Optional<BigDecimal> limit = budget(spend);
        if (limit.isEmpty()) {
            levels.delete(key);
            return;
        }
        Integer previous = levels.get(key);
        BudgetThresholdDetector.Outcome outcome = detector.detect(spend, limit.get(), previous == null ? 0 : previous);
        if (outcome.level() == 0) {
            levels.delete(key);
        } else {
            levels.put(key, outcome.level());
        }
        for (AlertRaised alert : outcome.alerts()) {
            Event event = new Event(alert.alertId(), "alert.raised", Event.CURRENT_SCHEMA_VERSION,
                    Instant.ofEpochMilli(record.timestamp()), spend.userId(), null, alert);
            context.forward(new Record<>(spend.userId(), event, record.timestamp()));
        }
    }

    private Optional<BigDecimal> budget(BudgetSpend spend) {
        BudgetBook book = budgets.get(spend.userId());
        return book == null ? Optional.empty()
                : book.limit(spend.year(), spend.month(), spend.allSpending() ? null : spend.categoryId(), spend.currency());
    }
}
