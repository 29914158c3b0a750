package io.ganaka.schemas.rules;

import java.util.List;

/**
 * What a user's rules decided for one expense: the category and the rule that set it (both null when no matching
 * rule sets a category) and the tags of every matching rule, in rule order without repeats.
 */
public record RuleOutcome(String categoryId, List<String> tags, String ruleId) {

    public static final RuleOutcome NONE = new RuleOutcome(null, List.of(), null);

    public RuleOutcome {
        tags = List.copyOf(tags);
    }

    /** True when a rule set the category. */
    public boolean categorized() {
        return categoryId != null;
    }
}
