package io.ganaka.app;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A reproducible stream of expense events for a few users (adds, updates of amount, date and currency, deletes; a few
 * high-value adds that are never changed), and the state of the {@code expenses} table it must leave behind.
 */
final class ExpenseLoad {

    /** The final state of one expense: the version the table must hold, and its data, or deleted. */
    record Expected(UUID userId, long version, BigDecimal amount, String currency, Instant occurredAt,
                    boolean deleted) {}

    static final BigDecimal HIGH_VALUE = new BigDecimal("1200.00");
    private static final String[] CURRENCIES = {"EUR", "USD"};

    private final Random random = new Random(20261130L);
    private final List<UUID> users;
    private final YearMonth now = YearMonth.now(ZoneOffset.UTC);
    private final Map<UUID, Expected> expected = new LinkedHashMap<>();
    private final Map<UUID, List<UUID>> changeable = new HashMap<>();
    private final List<UUID> highValue = new ArrayList<>();

    ExpenseLoad(List<UUID> users) {
        this.users = List.copyOf(users);
        users.forEach(user -> changeable.put(user, new ArrayList<>()));
    }

    /** The next {@code count} events, round-robin over the users, each user's in the order they must apply. */
    List<Event> next(int count) {
        List<Event> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            UUID user = users.get(i % users.size());
            List<UUID> own = changeable.get(user);
            int dice = random.nextInt(10);
            if (own.size() < 5 || dice < 6) {
                events.add(add(user));
            } else if (dice < 9) {
                events.add(update(user, own.get(random.nextInt(own.size()))));
            } else {
                events.add(delete(user, own.remove(random.nextInt(own.size()))));
            }
        }
        return events;
    }

    private Event add(UUID user) {
        UUID id = UUID.randomUUID();
        boolean high = expected.size() % 200 == 199;
        Expected e = new Expected(user, 1, high ? HIGH_VALUE : amount(), high ? "EUR" : currency(), when(), false);
        expected.put(id, e);
        if (high) {
            highValue.add(id); // never changed, so it raises exactly one high-value alert
        } else {
            changeable.get(user).add(id);
        }
        return Event.create(user.toString(), "crash-load", new EventPayload.ExpenseAdded(id.toString(), 1,
                e.amount(), e.currency(), "Load " + expected.size(), null, e.occurredAt(), null, List.of(), null));
    }

    private Event update(UUID user, UUID id) {
        Expected before = expected.get(id);
        Expected e = new Expected(user, before.version() + 1, amount(), currency(), when(), false);
        expected.put(id, e);
        return Event.create(user.toString(), "crash-load", new EventPayload.ExpenseUpdated(id.toString(),
                e.version(), e.amount(), e.currency(), "Changed to v" + e.version(), "Shop", e.occurredAt(), null,
                List.of(), null));
    }

    private Event delete(UUID user, UUID id) {
        Expected before = expected.get(id);
        expected.put(id, new Expected(user, before.version() + 1, before.amount(), before.currency(),
                before.occurredAt(), true));
        return Event.create(user.toString(), "crash-load",
                new EventPayload.ExpenseDeleted(id.toString(), before.version() + 1));
    }

    private BigDecimal amount() {
        return BigDecimal.valueOf(100 + random.nextInt(29_900), 2); // 1.00 to 299.99
    }

    private String currency() {
        return CURRENCIES[random.nextInt(CURRENCIES.length)];
    }

    /** A time in this month or one of the two before, in the middle of a day, whole seconds. */
    private Instant when() {
        YearMonth month = now.minusMonths(random.nextInt(3));
        return month.atDay(1 + random.nextInt(month.lengthOfMonth())).atTime(6 + random.nextInt(12),
                random.nextInt(60), random.nextInt(60)).toInstant(ZoneOffset.UTC);
    }

    /** Every expense sent so far and the state it must end in. */
    Map<UUID, Expected> expected() {
        return Map.copyOf(expected);
    }

    /** The high-value expenses sent so far. */
    List<UUID> highValue() {
        return List.copyOf(highValue);
    }
}
