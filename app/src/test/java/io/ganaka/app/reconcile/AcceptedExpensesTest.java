package io.ganaka.app.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AcceptedExpensesTest {

    private static final UUID USER = UUID.randomUUID();
    private static final UUID EXPENSE = UUID.randomUUID();
    private static final Instant MARCH = Instant.parse("2026-03-15T12:00:00Z");

    @Test
    void keepsTheNewestVersionOfEachExpense() {
        AcceptedExpenses fold = fold(add(EXPENSE, 1, "10.00"), update(EXPENSE, 2, "12.50"), update(EXPENSE, 3, "7.00"));

        ExpectedExpense e = fold.of(USER).get(EXPENSE);
        assertThat(e.version()).isEqualTo(3);
        assertThat(e.live()).isTrue();
        assertThat(e.amount()).isEqualByComparingTo("7.00");
    }

    @Test
    void anOlderVersionArrivingLateChangesNothing() {
        AcceptedExpenses fold = fold(add(EXPENSE, 1, "10.00"), update(EXPENSE, 3, "7.00"), update(EXPENSE, 2, "12.50"));

        ExpectedExpense e = fold.of(USER).get(EXPENSE);
        assertThat(e.version()).isEqualTo(3);
        assertThat(e.amount()).isEqualByComparingTo("7.00");
    }

    @Test
    void aDeleteLeavesADeletedExpenseThatALateOlderVersionCannotBringBack() {
        AcceptedExpenses fold = fold(add(EXPENSE, 1, "10.00"), delete(EXPENSE, 3), update(EXPENSE, 2, "12.50"));

        ExpectedExpense e = fold.of(USER).get(EXPENSE);
        assertThat(e.deleted()).isTrue();
        assertThat(e.version()).isEqualTo(3);
        assertThat(Comparisons.expectedTotals(fold.of(USER)).count()).isZero();
    }

    @Test
    void aDeleteOlderThanTheHeldVersionIsIgnored() {
        AcceptedExpenses fold = fold(add(EXPENSE, 1, "10.00"), update(EXPENSE, 3, "7.00"), delete(EXPENSE, 2));

        assertThat(fold.of(USER).get(EXPENSE).live()).isTrue();
    }

    @Test
    void duplicatesAndAnyOrderOfDistinctVersionsConvergeOnTheSameState() {
        List<Event> events = List.of(add(EXPENSE, 1, "10.00"), update(EXPENSE, 2, "11.00"),
                update(EXPENSE, 3, "12.00"), delete(EXPENSE, 4));
        ExpectedExpense inOrder = fold(events.toArray(Event[]::new)).of(USER).get(EXPENSE);
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            List<Event> shuffled = new ArrayList<>(events);
            shuffled.addAll(events.subList(0, random.nextInt(events.size())));
            Collections.shuffle(shuffled, random);
            ExpectedExpense e = fold(shuffled.toArray(Event[]::new)).of(USER).get(EXPENSE);
            assertThat(e.deleted()).as(shuffled.toString()).isEqualTo(inOrder.deleted());
            assertThat(e.version()).isEqualTo(inOrder.version());
        }
    }

    @Test
    void anErasedUserExpectsNothingNotEvenFromLaterEvents() {
        AcceptedExpenses fold = fold(registered("UTC"), add(EXPENSE, 1, "10.00"),
                Event.create(USER.toString(), "c", new EventPayload.UserDeleted("self")),
                add(UUID.randomUUID(), 1, "5.00"));

        assertThat(fold.erased(USER)).isTrue();
        assertThat(fold.of(USER)).isEmpty();
        assertThat(fold.hasExpenses(USER)).isFalse();
    }

    @Test
    void skipsWhatTheSinksRejectAsPoison() {
        AcceptedExpenses fold = fold(add(EXPENSE, 0, "10.00"), Event.create(USER.toString(), "c",
                new EventPayload.ExpenseAdded("not-a-uuid", 1, BigDecimal.TEN, "EUR", "x", null, MARCH, null, null,
                        null)));

        assertThat(fold.of(USER)).isEmpty();
        assertThat(fold.skipped()).isEqualTo(2);
    }

    @Test
    void remembersTheTimeZoneInForceWhenEachVersionWasAccepted() {
        UUID other = UUID.randomUUID();
        AcceptedExpenses fold = fold(registered("Asia/Kolkata"), add(EXPENSE, 1, "10.00"),
                Event.create(USER.toString(), "c", new EventPayload.UserUpdated("D", "America/New_York", Json.MAPPER.createObjectNode())),
                add(other, 1, "3.00"));

        Map<UUID, ExpectedExpense> expenses = fold.of(USER);
        assertThat(expenses.get(EXPENSE).zone()).isEqualTo("Asia/Kolkata");
        assertThat(expenses.get(other).zone()).isEqualTo("America/New_York");
        assertThat(fold.registered(USER)).isTrue();
    }

    private static AcceptedExpenses fold(Event... events) {
        AcceptedExpenses fold = new AcceptedExpenses();
        for (Event event : events) {
            fold.apply(event);
        }
        return fold;
    }

    private static Event registered(String zone) {
        return Event.create(USER.toString(), "c", new EventPayload.UserRegistered("a@example.org", "A", zone));
    }

    static Event add(UUID id, long version, String amount) {
        return Event.create(USER.toString(), "c", new EventPayload.ExpenseAdded(id.toString(), version,
                new BigDecimal(amount), "EUR", "x", null, MARCH, null, List.of(), null));
    }

    static Event update(UUID id, long version, String amount) {
        return Event.create(USER.toString(), "c", new EventPayload.ExpenseUpdated(id.toString(), version,
                new BigDecimal(amount), "EUR", "x", null, MARCH, null, List.of(), null));
    }

    static Event delete(UUID id, long version) {
        return Event.create(USER.toString(), "c", new EventPayload.ExpenseDeleted(id.toString(), version));
    }
}
