package io.ganaka.streams.categorize;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.EventPayload.ExpenseAdded;
import io.ganaka.schemas.EventPayload.ExpenseChange;
import org.junit.jupiter.api.Test;

class CategoryLearnerTest {

    private final CategoryLearner learner = new CategoryLearner();
    private final String user = TestEvents.newUser();

    @Test
    void anExpenseWithACategoryCountsItsWordsForThatCategory() {
        TokenModel model = learner.learn(TokenModel.EMPTY, change(TestEvents.addedByHand(user, "Latte", "Blue Bottle", "c")));

        assertThat(model.counts()).containsOnlyKeys("blue", "bottle", "latte");
        assertThat(model.counts().get("bottle")).containsEntry("c", 1);
    }

    @Test
    void anExpenseWithoutACategoryTeachesNothing() {
        TokenModel before = TokenModel.EMPTY.learn("Blue Bottle", null, "c");

        assertThat(learner.learn(before, change(TestEvents.added(user, "Latte")))).isSameAs(before);
    }

    @Test
    void twoCorrectionsAreEnoughToPredict() {
        ExpenseChange latte = change(TestEvents.addedByHand(user, "Latte", "Blue Bottle", "c"));
        ExpenseChange mocha = change(TestEvents.addedByHand(user, "Mocha", "Blue Bottle", "c"));

        TokenModel once = learner.learn(TokenModel.EMPTY, latte);
        TokenModel twice = learner.learn(once, mocha);

        assertThat(once.predict("Blue Bottle", "Cortado")).isEmpty();
        assertThat(twice.predict("Blue Bottle", "Cortado")).contains("c");
    }

    private static ExpenseChange change(io.ganaka.schemas.Event event) {
        return (ExpenseAdded) event.data();
    }

}
