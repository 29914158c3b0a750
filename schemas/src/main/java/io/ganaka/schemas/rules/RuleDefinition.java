package io.ganaka.schemas.rules;

import java.util.List;

/**
 * A categorization rule as a user defines it and as {@code rule.changed} carries it. Rules run in ascending
 * {@code priority}; {@code match} is {@code all} (every condition) or {@code any} (at least one); a matching rule
 * applies its actions and, with {@code stopProcessing}, ends the run.
 */
public record RuleDefinition(
        String name,
        int priority,
        String match,
        List<RuleCondition> conditions,
        RuleActions actions,
        boolean stopProcessing) {

    public RuleDefinition {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        actions = actions == null ? RuleActions.NONE : actions;
    }

    /**
     * One test on an expense. {@code field}: description, merchant or amount; {@code operator}: contains, startsWith,
     * equals, regex (text) or gt, gte, lt, lte, equals (amount, a decimal string in {@code value}).
     */
    public record RuleCondition(String field, String operator, String value) {}

    /** What a matching rule does: set the category (when not null) and add tags. */
    public record RuleActions(String categoryId, List<String> tags) {

        public static final RuleActions NONE = new RuleActions(null, List.of());

        public RuleActions {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }
}
