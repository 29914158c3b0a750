package io.ganaka.streams.reportupdates;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The stores of month closing and their keys. Keys start with {@code "<userId>|"} and then the month as
 * {@code yyyy-mm}, so one prefix scan finds a user's months, another one month's lines.
 */
final class MonthCloseStores {

    /** user id -> {@link UserClock}. */
    static final String USERS = "month-close-users";
    /** user|yyyy-mm -> {@link MonthStatus}. */
    static final String MONTHS = "month-close-months";
    /**
     * user|yyyy-mm|t|currency -> the month's total in a currency; user|yyyy-mm|c|category (- for none)|currency -> a
     * category's; both as {@code ReportLine}s, only while the month is open and the line counts expenses.
     */
    static final String LINES = "month-close-lines";

    private MonthCloseStores() {}

    static String monthKey(String userId, int year, int month) {
        return userId + "|" + String.format("%04d-%02d", year, month);
    }

    static String totalKey(String userId, int year, int month, String currency) {
        return monthKey(userId, year, month) + "|t|" + currency;
    }

    static String categoryKey(String userId, int year, int month, String categoryId, String currency) {
        return monthKey(userId, year, month) + "|c|" + (categoryId == null ? "-" : categoryId) + "|" + currency;
    }

    static boolean isTotalKey(String key) {
        return key.contains("|t|");
    }

    /** Every entry of {@code store} whose key starts with {@code prefix}, read before anything is changed. */
    static <V> List<KeyValue<String, V>> withPrefix(KeyValueStore<String, V> store, String prefix) {
        List<KeyValue<String, V>> entries = new ArrayList<>();
        try (KeyValueIterator<String, V> it = store.prefixScan(prefix, new StringSerializer())) {
            it.forEachRemaining(entries::add);
        }
        return entries;
    }

    /** Removes every entry of {@code store} whose key starts with {@code prefix}. */
    static void deletePrefix(KeyValueStore<String, ?> store, String prefix) {
        withPrefix(store, prefix).forEach(entry -> store.delete(entry.key));
    }
}
