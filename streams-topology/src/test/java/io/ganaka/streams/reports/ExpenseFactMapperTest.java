package io.ganaka.streams.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload.UserLoggedIn;
import io.ganaka.schemas.JsonSerde;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpenseFactMapperTest {

    private final ExpenseFactMapper mapper = new ExpenseFactMapper();

    @Test
    void turnsAnAddIntoALiveStateInMinorUnits() {
        Event event = ExpenseEvents.added("u1", "e1", "12.34", "EUR", "2026-03-15T12:00:00Z");
        assertThat(mapper.apply(utc(event))).containsExactly(ExpenseFact.of(ExpenseState.live("u1", "e1", 1, "EUR", 1234, 2026, 3, null)));
    }

    @Test
    void takesTheMonthInTheGivenTimeZone() {
        // 00:30 on 1 April in Berlin is still 31 March in UTC.
        Event event = ExpenseEvents.added("u1", "e1", "1.00", "EUR", "2026-03-31T22:30:00Z");
        assertThat(mapper.apply(new ZonedEvent(event, ZoneId.of("Europe/Berlin")))).extracting(fact -> fact.change().month())
                .containsExactly(4);
        assertThat(mapper.apply(utc(event))).extracting(fact -> fact.change().month()).containsExactly(3);
    }

    @Test
    void keepsAnExplicitCategoryAsSetByTheUser() {
        Event event = ExpenseEvents.added("u1", "e1", "1.00", "EUR", "2026-03-15T12:00:00Z", "c1");
        assertThat(mapper.apply(utc(event))).extracting(ExpenseFact::change)
                .extracting(ExpenseState::categoryId, ExpenseState::categorizedBy)
                .containsExactly(tuple("c1", "user"));
    }

    @Test
    void usesTheCurrencysOwnMinorUnit() {
        Event event = ExpenseEvents.added("u1", "e1", "1500", "JPY", "2026-03-15T12:00:00Z");
        assertThat(mapper.apply(utc(event))).extracting(fact -> fact.change().amountMinor()).containsExactly(1500L);
    }

    @Test
    void turnsAnUpdateIntoALiveStateWithItsVersion() {
        Event event = ExpenseEvents.updated("u1", "e1", 3, "0.10", "USD", "2026-01-01T00:00:00Z");
        assertThat(mapper.apply(utc(event))).containsExactly(ExpenseFact.of(ExpenseState.live("u1", "e1", 3, "USD", 10, 2026, 1, null)));
    }

    @Test
    void turnsADeleteIntoATombstoneState() {
        assertThat(mapper.apply(utc(ExpenseEvents.deleted("u1", "e1", 2))))
                .containsExactly(ExpenseFact.of(ExpenseState.deleted("u1", "e1", 2)));
    }

    @Test
    void turnsACategorizationIntoACategorizationOfThatVersion() {
        assertThat(mapper.apply(utc(ExpenseEvents.categorized("u1", "e1", 2, "c1"))))
                .containsExactly(ExpenseFact.of(new Categorization("u1", "e1", 2, "c1", "rule", List.of("auto"))));
    }

    @Test
    void ignoresEventsThatAreNotAboutExpenses() {
        assertThat(mapper.apply(utc(Event.create("u1", "test", new UserLoggedIn("password"))))).isEmpty();
    }

    @Test
    void skipsAnExpenseInAnUnknownCurrency() {
        assertThat(mapper.apply(utc(ExpenseEvents.added("u1", "e1", "1.00", "XYZ", "2026-03-15T12:00:00Z")))).isEmpty();
    }

    @Test
    void skipsAnAmountWithMoreDecimalsThanItsCurrencyHas() {
        assertThat(mapper.apply(utc(ExpenseEvents.added("u1", "e1", "1.001", "EUR", "2026-03-15T12:00:00Z")))).isEmpty();
    }

    @Test
    void skipsAChangeWithoutAVersion() {
        assertThat(mapper.apply(utc(ExpenseEvents.updated("u1", "e1", 0, "1.00", "EUR", "2026-03-15T12:00:00Z")))).isEmpty();
    }

    @Test
    void skipsACategorizationWithoutAVersion() {
        assertThat(mapper.apply(utc(ExpenseEvents.categorized("u1", "e1", 0, "c1")))).isEmpty();
    }

    @Test
    void skipsANullValue() {
        assertThat(mapper.apply(null)).isEmpty();
    }

    @Test
    void factsSurviveTheJsonSerdeUnchanged() {
        JsonSerde<ExpenseFact> serde = new JsonSerde<>(ExpenseFact.class);
        ExpenseFact live = ExpenseFact.of(new ExpenseState("u1", "e1", 4, false, "EUR", 1234, 2026, 3, "c1", "rule", List.of("a")));
        ExpenseFact deleted = ExpenseFact.of(ExpenseState.deleted("u1", "e2", 2));
        ExpenseFact categorization = ExpenseFact.of(new Categorization("u1", "e3", 1, null, "none", List.of()));
        for (ExpenseFact fact : List.of(live, deleted, categorization)) {
            assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", fact))).isEqualTo(fact);
        }
    }

    private static ZonedEvent utc(Event event) {
        return new ZonedEvent(event, ZoneOffset.UTC);
    }
}
