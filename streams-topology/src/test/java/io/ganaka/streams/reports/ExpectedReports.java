package io.ganaka.streams.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.CategoryTotal;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload.ExpenseCategorized;
import io.ganaka.schemas.EventPayload.ExpenseChange;
import io.ganaka.schemas.EventPayload.ExpenseDeleted;
import io.ganaka.schemas.MonthlyTotal;
import io.ganaka.schemas.SummaryTotal;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reports recomputed the plain way, as the test oracle: the highest version of each expense decides, a
 * categorization counts when it is of that version (histories hold at most one per version), and live expenses are
 * summed with BigDecimal per bucket, their smallest and largest amount taken by sorting. Zones are fixed per user for the whole history.
 */
record ExpectedReports(
        Map<MonthKey, MonthlyTotal> monthly, Map<CategoryKey, CategoryTotal> categories, Map<SummaryKey, SummaryTotal> summaries) {

    /** A live expense as the oracle sees it. */
    private record Live(String userId, ZonedDateTime when, String currency, BigDecimal amount, String categoryId) {}

    static ExpectedReports from(List<Event> deliveries, Map<String, ZoneId> zones) {
        Map<ExpenseKey, Event> newest = new HashMap<>();
        Map<ExpenseKey, Map<Long, String>> categoryByVersion = new HashMap<>();
        for (Event event : deliveries) {
            if (!event.eventType().domain().equals("expense")) {
                continue;
            }
            if (event.data() instanceof ExpenseCategorized categorized) {
                categoryByVersion.computeIfAbsent(new ExpenseKey(event.userId(), categorized.expenseId()), k -> new HashMap<>())
                        .put(categorized.expenseVersion(), categorized.categoryId());
            } else {
                newest.merge(new ExpenseKey(event.userId(), expenseId(event)), event,
                        (held, incoming) -> version(incoming) > version(held) ? incoming : held);
            }
        }
        List<Live> live = new ArrayList<>();
        newest.forEach((key, event) -> {
            if (event.data() instanceof ExpenseChange change) {
                Map<Long, String> categorizations = categoryByVersion.getOrDefault(key, Map.of());
                String categoryId = categorizations.containsKey(change.expenseVersion())
                        ? categorizations.get(change.expenseVersion()) : change.categoryId();
                ZoneId zone = zones.getOrDefault(event.userId(), ZoneOffset.UTC);
                live.add(new Live(event.userId(), change.occurredAt().atZone(zone), change.currency(), change.amount(), categoryId));
            }
        });
        return new ExpectedReports(
                sum(live, l -> new MonthKey(l.userId(), l.when().getYear(), l.when().getMonthValue(), l.currency()),
                        (key, amounts) -> new MonthlyTotal(key.userId(), key.year(), key.month(), key.currency(),
                                total(amounts), amounts.size(), min(amounts), max(amounts))),
                sum(live, l -> new CategoryKey(l.userId(), l.when().getYear(), l.when().getMonthValue(), l.categoryId(), l.currency()),
                        (key, amounts) -> new CategoryTotal(key.userId(), key.year(), key.month(), key.categoryId(), key.currency(),
                                total(amounts), amounts.size(), min(amounts), max(amounts))),
                sum(live, l -> new SummaryKey(l.userId(), l.currency()),
                        (key, amounts) -> new SummaryTotal(key.userId(), key.currency(), total(amounts), amounts.size(),
                                min(amounts), max(amounts))));
    }

    /** Whether a report is of a bucket that has emptied: count 0, total 0 and (where it has them) no extremes. */
    static boolean isEmptied(Object report) {
        if (report instanceof MonthlyTotal total) {
            return total.count() == 0 && total.total().signum() == 0 && total.min() == null && total.max() == null;
        }
        if (report instanceof CategoryTotal total) {
            return total.count() == 0 && total.total().signum() == 0 && total.min() == null && total.max() == null;
        }
        SummaryTotal total = (SummaryTotal) report;
        return total.count() == 0 && total.total().signum() == 0 && total.min() == null && total.max() == null;
    }

    /** Every expected report is there exactly; any other bucket of these reports must have emptied. */
    static <K, R> void assertExact(Map<K, R> actual, Map<K, R> expected) {
        assertThat(actual).containsAllEntriesOf(expected);
        assertThat(actual.entrySet())
                .filteredOn(entry -> !expected.containsKey(entry.getKey()))
                .allSatisfy(entry -> assertThat(isEmptied(entry.getValue()))
                        .as("emptied bucket %s", entry.getValue()).isTrue());
    }

    private static <K, R> Map<K, R> sum(List<Live> live, Function<Live, K> bucket,
            BiFunction<K, List<BigDecimal>, R> report) {
        Map<K, List<BigDecimal>> amounts = live.stream()
                .collect(Collectors.groupingBy(bucket, Collectors.mapping(Live::amount, Collectors.toList())));
        Map<K, R> reports = new HashMap<>();
        amounts.forEach((key, list) -> reports.put(key, report.apply(key, list)));
        return reports;
    }

    private static BigDecimal total(List<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal::add).orElseThrow();
    }

    private static BigDecimal min(List<BigDecimal> amounts) {
        return amounts.stream().min(BigDecimal::compareTo).orElseThrow();
    }

    private static BigDecimal max(List<BigDecimal> amounts) {
        return amounts.stream().max(BigDecimal::compareTo).orElseThrow();
    }

    static String expenseId(Event event) {
        if (event.data() instanceof ExpenseChange change) {
            return change.expenseId();
        }
        if (event.data() instanceof ExpenseCategorized categorized) {
            return categorized.expenseId();
        }
        return ((ExpenseDeleted) event.data()).expenseId();
    }

    static long version(Event event) {
        if (event.data() instanceof ExpenseChange change) {
            return change.expenseVersion();
        }
        if (event.data() instanceof ExpenseCategorized categorized) {
            return categorized.expenseVersion();
        }
        return ((ExpenseDeleted) event.data()).expenseVersion();
    }
}
