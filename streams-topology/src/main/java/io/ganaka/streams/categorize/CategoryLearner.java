package io.ganaka.streams.categorize;

import io.ganaka.schemas.EventPayload.ExpenseChange;

/**
 * Learns from a user's corrections: an expense added or updated with a category chosen by hand teaches the user's
 * {@link TokenModel} that its merchant and description words go with that category.
 */
public final class CategoryLearner {

    /** The model after {@code expense}; unchanged when the expense carries no category. */
    public TokenModel learn(TokenModel model, ExpenseChange expense) {
        if (expense.categoryId() == null) {
            return model;
        }
        return model.learn(expense.merchant(), expense.description(), expense.categoryId());
    }
}
