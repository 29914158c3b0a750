package io.ganaka.streams.reports;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload.ExpenseAdded;
import io.ganaka.schemas.EventPayload.ExpenseCategorized;
import io.ganaka.schemas.EventPayload.ExpenseDeleted;
import io.ganaka.schemas.EventPayload.ExpenseUpdated;
import io.ganaka.schemas.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * A generated history for the property test: what users do (in order, as the API would version it), then how the
 * pipeline mangles delivery (pairs of deliveries swapped, deliveries repeated later). A categorization is always
 * delivered after the change it categorizes and each version is categorized at most once, as the categorization
 * topology guarantees; everything else may arrive in any order and any number of times.
 */
record ExpenseHistory(List<Integer> zoneChoices, List<Op> ops, List<int[]> swaps, List<int[]> duplicates) {

    static final List<String> CURRENCIES = List.of("EUR", "USD", "JPY");
    static final List<String> CATEGORIES = Collections.unmodifiableList(Arrays.asList(null, "c-food", "c-fun", "c-rent"));
    /** Index 0: never registered; 1: registered without a zone; then real zones; the last one is unknown to Java. */
    static final List<String> ZONES = Collections.unmodifiableList(
            Arrays.asList(null, null, "Asia/Kolkata", "America/New_York", "Pacific/Kiritimati", "Mars/Olympus_Mons"));
    /** A month edge; expenses fall within about 40 days either side of it, so moves cross months in every zone. */
    private static final Instant EDGE = Instant.parse("2026-03-31T23:30:00Z");
    private static final int USERS = 3;

    /** One thing a user does; {@code target} picks an earlier expense (modulo how many exist), {@code user} a user. */
    record Op(Kind kind, int user, int target, long amount, int hours, int currency, int category) {}

    enum Kind { ADD, UPDATE, DELETE, CATEGORIZE }

    /** The events to deliver, in delivery order (user registrations first), and the zone each user counts in. */
    record Run(List<Event> deliveries, Map<String, ZoneId> zones) {}

    static Arbitrary<ExpenseHistory> arbitrary() {
        Arbitrary<Op> op = Combinators.combine(
                        Arbitraries.frequencyOf(
                                Tuple.of(4, Arbitraries.just(Kind.ADD)),
                                Tuple.of(3, Arbitraries.just(Kind.UPDATE)),
                                Tuple.of(1, Arbitraries.just(Kind.DELETE)),
                                Tuple.of(2, Arbitraries.just(Kind.CATEGORIZE))),
                        Arbitraries.integers().between(0, USERS - 1),
                        Arbitraries.integers().between(0, 1000),
                        // Often one of a few round amounts, so that buckets hold equal amounts and extremes are shared.
                        Arbitraries.frequencyOf(
                                Tuple.of(3, Arbitraries.longs().between(1, 50_000)),
                                Tuple.of(2, Arbitraries.longs().between(1, 4).map(units -> units * 500))),
                        Arbitraries.integers().between(-960, 960),
                        Arbitraries.integers().between(0, CURRENCIES.size() - 1),
                        Arbitraries.integers().between(0, CATEGORIES.size() - 1))
                .as(Op::new);
        Arbitrary<int[]> pair = Combinators.combine(Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 1000))
                .as((a, b) -> new int[] {a, b});
        return Combinators.combine(
                        Arbitraries.integers().between(0, ZONES.size() - 1).list().ofSize(USERS),
                        op.list().ofMinSize(1).ofMaxSize(30),
                        pair.list().ofMaxSize(12),
                        pair.list().ofMaxSize(8))
                .as(ExpenseHistory::new);
    }

    /** Plays the history for users whose ids start with {@code userPrefix}. */
    Run play(String userPrefix) {
        Map<String, ZoneId> zones = new LinkedHashMap<>();
        List<Event> registrations = new ArrayList<>();
        for (int user = 0; user < USERS; user++) {
            String userId = userPrefix + "u" + user;
            int choice = zoneChoices.get(user);
            zones.put(userId, UserTimezoneMapper.zoneOrUtc(ZONES.get(choice)));
            if (choice > 0) {
                registrations.add(ExpenseEvents.registered(userId, ZONES.get(choice)));
            }
        }
        List<Event> log = inOrder(userPrefix);
        swap(log);
        duplicate(log);
        List<Event> deliveries = new ArrayList<>(registrations);
        deliveries.addAll(log);
        return new Run(deliveries, zones);
    }

    /** What the API would publish, in order: versions grow by one per change, and gone expenses are left alone. */
    private List<Event> inOrder(String userPrefix) {
        List<Expense> expenses = new ArrayList<>();
        List<Event> log = new ArrayList<>();
        for (Op op : ops) {
            if (op.kind() == Kind.ADD) {
                Expense expense = new Expense(userPrefix + "u" + op.user(), "e" + expenses.size());
                expenses.add(expense);
                log.add(expense.change(op, true));
                continue;
            }
            if (expenses.isEmpty()) {
                continue;
            }
            Expense expense = expenses.get(op.target() % expenses.size());
            if (expense.deleted) {
                continue;
            }
            switch (op.kind()) {
                case UPDATE -> log.add(expense.change(op, false));
                case DELETE -> {
                    expense.deleted = true;
                    expense.version++;
                    log.add(Event.create(expense.userId, "prop", new ExpenseDeleted(expense.expenseId, expense.version)));
                }
                case CATEGORIZE -> {
                    if (expense.categorizedVersions.add(expense.version)) {
                        String categoryId = CATEGORIES.get(op.category());
                        log.add(Event.create(expense.userId, "prop", new ExpenseCategorized(expense.expenseId, expense.version,
                                categoryId, categoryId == null ? "none" : "rule", List.of("auto"), null, "rules-applied")));
                    }
                }
                default -> throw new IllegalStateException("unexpected " + op.kind());
            }
        }
        return log;
    }

    /** Swaps pairs of deliveries, except where that would deliver a categorization before its change. */
    private void swap(List<Event> log) {
        if (log.size() < 2) {
            return;
        }
        for (int[] pair : swaps) {
            int a = pair[0] % log.size();
            int b = pair[1] % log.size();
            Collections.swap(log, a, b);
            if (!categorizationsFollowTheirChanges(log)) {
                Collections.swap(log, a, b);
            }
        }
    }

    /** Delivers some events again, somewhere after their first delivery. */
    private void duplicate(List<Event> log) {
        for (int[] pair : duplicates) {
            if (log.isEmpty()) {
                return;
            }
            int original = pair[0] % log.size();
            int at = original + 1 + pair[1] % (log.size() - original);
            log.add(at, log.get(original));
        }
    }

    private static boolean categorizationsFollowTheirChanges(List<Event> log) {
        Set<String> seen = new HashSet<>();
        for (Event event : log) {
            String version = event.userId() + "/" + ExpectedReports.expenseId(event) + "/" + ExpectedReports.version(event);
            if (event.data() instanceof ExpenseCategorized) {
                if (!seen.contains(version)) {
                    return false;
                }
            } else {
                seen.add(version);
            }
        }
        return true;
    }

    /** The API's view of one expense while the history is written. */
    private static final class Expense {
        final String userId;
        final String expenseId;
        final Set<Long> categorizedVersions = new HashSet<>();
        long version;
        boolean deleted;

        Expense(String userId, String expenseId) {
            this.userId = userId;
            this.expenseId = expenseId;
        }

        Event change(Op op, boolean add) {
            version++;
            String currency = CURRENCIES.get(op.currency());
            BigDecimal amount = Money.fromMinor(op.amount(), currency);
            Instant when = EDGE.plus(Duration.ofHours(op.hours()));
            // An explicit category only sometimes, so that most expenses wait for their categorization.
            String categoryId = op.category() == 1 ? CATEGORIES.get(2) : null;
            return Event.create(userId, "prop", add
                    ? new ExpenseAdded(expenseId, version, amount, currency, "d", "m", when, categoryId, List.of(), "")
                    : new ExpenseUpdated(expenseId, version, amount, currency, "d", "m", when, categoryId, List.of(), ""));
        }
    }

    @Override
    public String toString() {
        return "ExpenseHistory[zones=" + zoneChoices + ", ops=" + ops + ", swaps=" + deepToString(swaps)
                + ", duplicates=" + deepToString(duplicates) + "]";
    }

    private static String deepToString(List<int[]> pairs) {
        return pairs.stream().map(Arrays::toString).toList().toString();
    }
}
