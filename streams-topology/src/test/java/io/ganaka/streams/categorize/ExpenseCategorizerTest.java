package io.ganaka.streams.categorize;

import static io.ganaka.streams.categorize.TestEvents.contains;
import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload.ExpenseCategorized;
import io.ganaka.schemas.rules.Rule;
import io.ganaka.schemas.rules.RuleEngine;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpenseCategorizerTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private final ExpenseCategorizer categorizer = new ExpenseCategorizer();
    private final String user = TestEvents.newUser();
    private final RuleEngine taxiIsTravel = RuleEngine.of(List.of(
            new Rule("r1", T, contains("taxi", 1, "travel", List.of("ride", "own"), false))));
    private final TokenModel blueBottleIsCoffee = TokenModel.EMPTY
            .learn("Blue Bottle", "Latte", "coffee").learn("Blue Bottle", "Mocha", "coffee");

    @Test
    void aMatchingRuleGivesACategorizationOfTheSameVersionWithTheUnionOfTags() {
        Event source = TestEvents.added(user, "e1", "Taxi", null, null, List.of("own", "work"));

        ExpenseCategorized result = data(categorizer.categorize(source, taxiIsTravel, TokenModel.EMPTY));

        assertThat(result).isEqualTo(new ExpenseCategorized("e1", 1, "travel", "rule", List.of("own", "work", "ride"),
                "r1", "rule"));
    }

    @Test
    void withoutAMatchingRuleTheLearnedCategoryApplies() {
        Event source = TestEvents.added(user, "e1", "Cortado", "Blue Bottle", null, List.of("own"));

        ExpenseCategorized result = data(categorizer.categorize(source, taxiIsTravel, blueBottleIsCoffee));

        assertThat(result).isEqualTo(new ExpenseCategorized("e1", 1, "coffee", "learned", List.of("own"), null,
                "learned"));
    }

    @Test
    void anExpenseWithACategoryIsLeftAlone() {
        Event source = TestEvents.added(user, "e1", "Taxi", "Blue Bottle", "mine", List.of());

        assertThat(categorizer.categorize(source, taxiIsTravel, blueBottleIsCoffee)).isEmpty();
    }

    @Test
    void anExpenseNothingKnowsGetsNoCategorization() {
        assertThat(categorizer.categorize(TestEvents.added(user, "Zorblax"), taxiIsTravel, blueBottleIsCoffee)).isEmpty();
    }

    @Test
    void aRuleThatOnlyTagsDoesNotCategorize() {
        RuleEngine tagsOnly = RuleEngine.of(List.of(new Rule("r1", T, contains("taxi", 1, null, List.of("x"), false))));

        assertThat(categorizer.categorize(TestEvents.added(user, "Taxi"), tagsOnly, TokenModel.EMPTY)).isEmpty();
    }

    @Test
    void otherEventsAreNotCategorized() {
        assertThat(categorizer.categorize(TestEvents.deleted(user, "e1", 2), taxiIsTravel, blueBottleIsCoffee)).isEmpty();
    }

    @Test
    void theSameSourceAlwaysGivesTheSameEventId() {
        Event source = TestEvents.added(user, "Taxi");

        Event once = categorizer.categorize(source, taxiIsTravel, TokenModel.EMPTY).orElseThrow();
        Event again = categorizer.categorize(source, taxiIsTravel, TokenModel.EMPTY).orElseThrow();

        assertThat(once).isEqualTo(again);
        assertThat(once.userId()).isEqualTo(user);
    }

    private static ExpenseCategorized data(Optional<Event> event) {
        assertThat(event).isPresent();
        return (ExpenseCategorized) event.get().data();
    }
}
