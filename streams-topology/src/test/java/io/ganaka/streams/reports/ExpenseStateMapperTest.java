package io.ganaka.streams.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload.ExpenseCategorized;
import io.ganaka.schemas.EventPayload.UserLoggedIn;
import io.ganaka.schemas.JsonSerde;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpenseStateMapperTest {

    private final ExpenseStateMapper mapper = new ExpenseStateMapper();

    @Test
    void turnsAnAddIntoALiveStateInMinorUnits() {
        Event event = ExpenseEvents.added("u1", "e1", "12.34", "EUR", "2026-03-15T12:00:00Z");
        assertThat(mapper.apply(event)).containsExactly(ExpenseState.live("u1", "e1", 1, "EUR", 1234, 2026, 3));
    }

    @Test
    void takesTheMonthInUtc() {
        // 00:30 on 1 April in Berlin is still 31 March in UTC.
        Event event = ExpenseEvents.added("u1", "e1", "1.00", "EUR", "2026-03-31T22:30:00Z");
        assertThat(mapper.apply(event)).extracting(ExpenseState::month).containsExactly(3);
    }

    @Test
    void usesTheCurrencysOwnMinorUnit() {
        Event event = ExpenseEvents.added("u1", "e1", "1500", "JPY", "2026-03-15T12:00:00Z");
        assertThat(mapper.apply(event)).extracting(ExpenseState::amountMinor).containsExactly(1500L);
    }

    @Test
    void turnsAnUpdateIntoALiveStateWithItsVersion() {
        Event event = ExpenseEvents.updated("u1", "e1", 3, "0.10", "USD", "2026-01-01T00:00:00Z");
        assertThat(mapper.apply(event)).containsExactly(ExpenseState.live("u1", "e1", 3, "USD", 10, 2026, 1));
    }

    @Test
    void turnsADeleteIntoATombstoneState() {
        assertThat(mapper.apply(ExpenseEvents.deleted("u1", "e1", 2))).containsExactly(ExpenseState.deleted("u1", "e1", 2));
    }

    @Test
    void ignoresEventsThatAreNotAboutExpenses() {
        assertThat(mapper.apply(Event.create("u1", "test", new UserLoggedIn("password")))).isEmpty();
    }

    @Test
    void ignoresCategorizationsWhichChangeNoAmountMonthOrCurrency() {
        Event categorized = Event.create("u1", "test", new ExpenseCategorized("e1", 1,
                "0190a000-0000-7000-8000-0000000000c1", "rule", List.of("coffee"), "r1", "rules-applied"));

        assertThat(mapper.apply(categorized)).isEmpty();
    }

    @Test
    void skipsAnExpenseInAnUnknownCurrency() {
        assertThat(mapper.apply(ExpenseEvents.added("u1", "e1", "1.00", "XYZ", "2026-03-15T12:00:00Z"))).isEmpty();
    }

    @Test
    void skipsAnAmountWithMoreDecimalsThanItsCurrencyHas() {
        assertThat(mapper.apply(ExpenseEvents.added("u1", "e1", "1.001", "EUR", "2026-03-15T12:00:00Z"))).isEmpty();
    }

    @Test
    void skipsAChangeWithoutAVersion() {
        assertThat(mapper.apply(ExpenseEvents.updated("u1", "e1", 0, "1.00", "EUR", "2026-03-15T12:00:00Z"))).isEmpty();
    }

    @Test
    void skipsANullValue() {
        assertThat(mapper.apply(null)).isEmpty();
    }

    @Test
    void statesSurviveTheJsonSerdeUnchanged() {
        JsonSerde<ExpenseState> serde = new JsonSerde<>(ExpenseState.class);
        ExpenseState live = ExpenseState.live("u1", "e1", 4, "EUR", 1234, 2026, 3);
        ExpenseState deleted = ExpenseState.deleted("u1", "e2", 2);
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", live))).isEqualTo(live);
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", deleted))).isEqualTo(deleted);
    }
}
