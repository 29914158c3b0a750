package io.ganaka.streams.alerts;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The names of the alerts' state stores and how a deleted user is erased from them. Stores keyed by more than the
 * user start their keys with {@code "<userId>|"}, so a prefix scan finds all of one user's entries.
 */
final class AlertStores {

    /** user id -> {@link AlertProfile}. */
    static final String PROFILES = "alert-profiles";
    /** user id -> {@link BudgetBook}. */
    static final String BUDGETS = "alert-budgets";
    /** {@link BudgetSpend#levelKey()} -> how many budget percentages the total has reached. */
    static final String BUDGET_LEVELS = "alert-budget-levels";
    /** user|category|currency -> {@link SpendingHistory}. */
    static final String HISTORIES = "alert-spending-histories";
    /** user|expense id -> the amount of the expense's latest version, to see an update cross the threshold. */
    static final String AMOUNTS = "alert-expense-amounts";
    /** user id -> an add without category waiting for the {@code expense.categorized} that may follow it. */
    static final String PENDING_ADDS = "alert-pending-adds";

    static final List<String> PER_USER = List.of(PROFILES, BUDGETS, PENDING_ADDS);
    static final List<String> PREFIXED = List.of(BUDGET_LEVELS, HISTORIES, AMOUNTS);

    private AlertStores() {}

    static String key(String userId, String... parts) {
        return userId + "|" + String.join("|", parts);
    }

    /** Removes everything the alerts hold of {@code userId}. */
    static void forget(ProcessingContext context, String userId) {
        for (String name : PER_USER) {
            KeyValueStore<String, ?> store = context.getStateStore(name);
            store.delete(userId);
        }
        for (String name : PREFIXED) {
            KeyValueStore<String, ?> store = context.getStateStore(name);
            List<String> keys = new ArrayList<>();
            try (KeyValueIterator<String, ?> entries = store.prefixScan(userId + "|", new StringSerializer())) {
                entries.forEachRemaining((KeyValue<String, ?> entry) -> keys.add(entry.key));
            }
            keys.forEach(store::delete);
        }
    }
}
