package io.ganaka.streams.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload.ExpenseChange;
import io.ganaka.schemas.EventPayload.ExpenseDeleted;
import io.ganaka.schemas.MonthlyTotal;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random mixes of adds, updates, deletes, duplicates and reordering must leave every monthly total equal to a plain
 * recomputation from the final state of each expense. Seeds are fixed so a failure can be replayed.
 */
class MonthlyTotalsRandomizedTest {

    private static final List<String> CURRENCIES = List.of("EUR", "USD", "JPY");
    /** Month edges on purpose: the last and first instants of a month must land on their own side. */
    private static final List<String> TIMES = List.of("2026-01-01T00:00:00Z", "2026-01-17T09:30:00Z",
            "2026-01-31T23:59:59Z", "2026-02-01T00:00:00Z", "2026-02-28T12:00:00Z", "2026-03-31T23:59:59.999Z");

    @TempDir
    Path stateDir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 20260315})
    void shuffledAndDuplicatedHistoriesConvergeToTheRecomputedTotals(long seed) {
        Random random = new Random(seed);
        List<List<Event>> histories = new ArrayList<>();
        for (int user = 0; user < 4; user++) {
            for (int expense = 0; expense < 25; expense++) {
                histories.add(history(random, "u" + user, "e" + expense));
            }
        }
        List<Event> deliveries = new ArrayList<>();
        histories.forEach(deliveries::addAll);
        for (Event event : List.copyOf(deliveries)) {
            if (random.nextInt(100) < 15) {
                deliveries.add(event);
            }
        }
        Collections.shuffle(deliveries, random);

        Map<MonthKey, MonthlyTotal> actual;
        try (MonthlyTotalsHarness topology = new MonthlyTotalsHarness(stateDir)) {
            deliveries.forEach(topology::send);
            actual = topology.latestTotals();
        }

        Map<MonthKey, MonthlyTotal> expected = recompute(histories);
        assertThat(expected).as("seed %d produced something to total", seed).isNotEmpty();
        assertThat(actual).as("seed %d", seed).containsAllEntriesOf(expected);
        assertThat(actual.values()).as("seed %d: months that emptied", seed)
                .filteredOn(total -> !expected.containsKey(keyOf(total)))
                .allSatisfy(total -> {
                    assertThat(total.count()).isZero();
                    assertThat(total.total()).isZero();
                });
    }

    /** One expense's events in version order: an add, zero to three updates, and sometimes a delete. */
    private static List<Event> history(Random random, String userId, String expenseId) {
        List<Event> events = new ArrayList<>();
        events.add(ExpenseEvents.added(userId, expenseId, amount(random, "EUR"), "EUR", TIMES.get(random.nextInt(TIMES.size()))));
        int updates = random.nextInt(4);
        for (int version = 2; version <= updates + 1; version++) {
            String currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
            events.add(ExpenseEvents.updated(userId, expenseId, version, amount(random, currency), currency,
                    TIMES.get(random.nextInt(TIMES.size()))));
        }
        if (random.nextInt(4) == 0) {
            events.add(ExpenseEvents.deleted(userId, expenseId, updates + 2));
        }
        return events;
    }

    private static String amount(Random random, String currency) {
        int minor = 1 + random.nextInt(99_999);
        return currency.equals("JPY") ? Integer.toString(minor) : BigDecimal.valueOf(minor, 2).toPlainString();
    }

    /** The plain answer: the newest event of each expense decides; live ones are summed with BigDecimal. */
    private static Map<MonthKey, MonthlyTotal> recompute(List<List<Event>> histories) {
        Map<MonthKey, BigDecimal> sums = new HashMap<>();
        Map<MonthKey, Long> counts = new HashMap<>();
        for (List<Event> history : histories) {
            Event last = history.stream().max(Comparator.comparingLong(MonthlyTotalsRandomizedTest::version)).orElseThrow();
            if (last.data() instanceof ExpenseChange change) {
                ZonedDateTime utc = change.occurredAt().atZone(ZoneOffset.UTC);
                MonthKey key = new MonthKey(last.userId(), utc.getYear(), utc.getMonthValue(), change.currency());
                sums.merge(key, change.amount(), BigDecimal::add);
                counts.merge(key, 1L, Long::sum);
            }
        }
        return sums.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> {
            MonthKey key = e.getKey();
            return new MonthlyTotal(key.userId(), key.year(), key.month(), key.currency(), e.getValue(), counts.get(key));
        }));
    }

    private static long version(Event event) {
        if (event.data() instanceof ExpenseChange change) {
            return change.expenseVersion();
        }
        return ((ExpenseDeleted) event.data()).expenseVersion();
    }

    private static MonthKey keyOf(MonthlyTotal total) {
        return new MonthKey(total.userId(), total.year(), total.month(), total.currency());
    }
}
