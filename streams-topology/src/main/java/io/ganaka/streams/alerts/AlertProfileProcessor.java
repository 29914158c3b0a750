package io.ganaka.streams.alerts;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.EventPayload.BudgetChanged;
import io.ganaka.schemas.EventPayload.UserDeleted;
import io.ganaka.schemas.EventPayload.UserRegistered;
import io.ganaka.schemas.EventPayload.UserUpdated;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps what the detectors compare against: each user's high-value threshold (from {@code user.updated}
 * preferences) and budgets (from {@code budget.changed}); {@code user.deleted} erases all the alerts' state of the
 * user. Emits nothing.
 */
final class AlertProfileProcessor implements Processor<String, Event, String, Event> {

    private ProcessorContext<String, Event> context;
    private KeyValueStore<String, AlertProfile> profiles;
    private KeyValueStore<String, BudgetBook> budgets;

    @Override
    public void init(ProcessorContext<String, Event> context) {
        this.context = context;
        this.profiles = context.getStateStore(AlertStores.PROFILES);
        this.budgets = context.getStateStore(AlertStores.BUDGETS);
    }

    @Override
    public void process(Record<String, Event> record) {
        Event event = record.value();
        if (event == null) {
            return;
        }
        String userId = event.userId();
        EventPayload data = event.data();
        if (data instanceof UserRegistered) {
            profiles.delete(userId);
        } else if (data instanceof UserUpdated updated) {
            AlertProfile profile = AlertProfile.fromPreferences(updated.preferences());
            if (profile.highValueThreshold() == null) {
                profiles.delete(userId);
            } else {
                profiles.put(userId, profile);
            }
        } else if (data instanceof UserDeleted) {
            AlertStores.forget(context, userId);
        } else if (data instanceof BudgetChanged change) {
            BudgetBook current = budgets.get(userId);
            budgets.put(userId, (current == null ? BudgetBook.EMPTY : current).with(change));
        }
    }
}
