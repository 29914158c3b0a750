package io.ganaka.streams.categorize;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.JsonSerde;
import org.junit.jupiter.api.Test;

class TokenModelTest {

    @Test
    void tokensAreDistinctLowerCasedWordsOfAtLeastThreeCharactersWithALetter() {
        assertThat(TokenModel.tokens("Blue Bottle", "BLUE bottle #42 to ZÜRICH 2026, ok 7eleven"))
                .containsExactly("blue", "bottle", "zürich", "7eleven");
    }

    @Test
    void tokensOfMissingTextsAreEmpty() {
        assertThat(TokenModel.tokens(null, null)).isEmpty();
    }

    @Test
    void predictsNothingBelowTheMinimumEvidence() {
        TokenModel model = TokenModel.EMPTY.learn("Blue Bottle", "Latte", "coffee");

        assertThat(model.predict("Blue Bottle", null)).isEmpty();
    }

    @Test
    void theCategoryWithTheBestProportionalScoreWins() {
        TokenModel model = TokenModel.EMPTY
                .learn("Blue Bottle", "Lunch", "coffee").learn("Blue Bottle", "Lunch", "coffee")
                .learn("Noodle Bar", "Lunch", "dining").learn("Noodle Bar", "Lunch", "dining")
                .learn("Noodle Bar", "Lunch", "dining");

        // "lunch" splits 2:3 between the two; "blue" and "bottle" speak only for coffee.
        assertThat(model.predict("Blue Bottle", "Lunch")).contains("coffee");
        assertThat(model.predict(null, "Lunch")).contains("dining");
    }

    @Test
    void aWinnerWithThinEvidencePredictsNothingRatherThanARunnerUpWithACommonWord() {
        TokenModel model = TokenModel.EMPTY
                .learn("Rewe", "Card payment", "groceries")
                .learn("Edeka", "Card payment", "groceries")
                .learn("Blue Bottle", "Card payment", "coffee");

        // Coffee scores highest (blue, bottle and a third of card, payment) but was seen once; groceries twice.
        assertThat(model.predict("Blue Bottle", "Card payment")).isEmpty();
    }

    @Test
    void anEvenSplitPredictsNothing() {
        TokenModel model = TokenModel.EMPTY
                .learn(null, "Lunch", "coffee").learn(null, "Lunch", "coffee")
                .learn(null, "Lunch", "dining").learn(null, "Lunch", "dining");

        assertThat(model.predict(null, "Lunch")).isEmpty();
    }

    @Test
    void forgettingACategoryRemovesItsCountsAndEmptyTokens() {
        TokenModel model = TokenModel.EMPTY.learn("Blue Bottle", "Lunch", "coffee").learn(null, "Lunch", "dining");

        TokenModel forgotten = model.forget("coffee");

        assertThat(forgotten.counts()).containsOnlyKeys("lunch");
        assertThat(forgotten.counts().get("lunch")).containsOnlyKeys("dining");
    }

    @Test
    void aFullModelLearnsNoNewTokensButStillCountsKnownOnes() {
        TokenModel model = TokenModel.EMPTY;
        for (int i = 0; i < TokenModel.MAX_TOKENS; i++) {
            model = model.learn(null, "word" + i, "c");
        }

        TokenModel next = model.learn(null, "word0 brandnew", "c");

        assertThat(next.counts()).hasSize(TokenModel.MAX_TOKENS).doesNotContainKey("brandnew");
        assertThat(next.counts().get("word0")).containsEntry("c", 2);
    }

    @Test
    void survivesAJsonRoundTripAsTheStoreKeepsIt() {
        TokenModel model = TokenModel.EMPTY.learn("Blue Bottle", "Lunch", "coffee");
        JsonSerde<TokenModel> serde = new JsonSerde<>(TokenModel.class);

        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", model))).isEqualTo(model);
    }
}
