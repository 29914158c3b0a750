package io.ganaka.schemas.rules;

import io.ganaka.schemas.rules.RuleDefinition.RuleCondition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Evaluates one user's categorization rules against expenses; pure, no I/O, so the API and the streams
 * categorization share it. Build it once per rule set ({@link #of}) and call {@link #evaluate} per expense.
 *
 * <p>Semantics:
 * <ul>
 *   <li>Rules run in ascending {@code priority}; ties go to the older rule, then to the smaller id.</li>
 *   <li>A rule matches when {@code match} is {@code all} and every condition holds, or {@code any} and at least one
 *       does; a rule without conditions never matches.</li>
 *   <li>The first matching rule that sets a category decides the category (and is the outcome's {@code ruleId});
 *       later matching rules cannot change it.</li>
 *   <li>The tags of every matching rule accumulate, in rule order, without repeats.</li>
 *   <li>A matching rule with {@code stopProcessing} ends the run after its own actions.</li>
 * </ul>
 * Conditions: text operators ({@code contains}, {@code startsWith}, {@code equals}) compare case-insensitively after
 * Unicode normalization and full case folding, so {@code STRASSE} equals {@code Straße}; {@code regex} is a Java
 * regular expression, case-insensitive, that matches when found anywhere in the text, and a pattern that takes more
 * than {@link Conditions#REGEX_STEP_BUDGET} character reads is a non-match; amount operators ({@code gt},
 * {@code gte}, {@code lt}, {@code lte}, {@code equals}) compare exact decimals, so {@code 12.3} equals {@code 12.30}.
 * A condition on a missing value (no merchant) never holds; so does one with an unknown field or operator.
 */
public final class RuleEngine {

    private final List<CompiledRule> rules;

    private RuleEngine(List<CompiledRule> rules) {
        this.rules = rules;
    }

    /** An engine over these rules, in any order; they are sorted into evaluation order here. */
    public static RuleEngine of(Collection<Rule> rules) {
        List<CompiledRule> compiled = new ArrayList<>();
        rules.stream().sorted(Rule.EVALUATION_ORDER).forEach(rule -> compiled.add(CompiledRule.of(rule)));
        return new RuleEngine(List.copyOf(compiled));
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    public RuleOutcome evaluate(ExpenseFacts expense) {
        String categoryId = null;
        String ruleId = null;
        Set<String> tags = new LinkedHashSet<>();
        for (CompiledRule rule : rules) {
            if (!rule.test(expense)) {
                continue;
            }
            RuleDefinition.RuleActions actions = rule.rule().definition().actions();
            if (categoryId == null && actions.categoryId() != null) {
                categoryId = actions.categoryId();
                ruleId = rule.rule().id();
            }
            tags.addAll(actions.tags());
            if (rule.rule().definition().stopProcessing()) {
                break;
            }
        }
        return new RuleOutcome(categoryId, List.copyOf(tags), ruleId);
    }

    /** A rule with its conditions turned into predicates once, so regexes compile once per rule set. */
    private record CompiledRule(Rule rule, List<Predicate<ExpenseFacts>> conditions, boolean all) {

        static CompiledRule of(Rule rule) {
            List<Predicate<ExpenseFacts>> conditions = new ArrayList<>();
            for (RuleCondition condition : rule.definition().conditions()) {
                conditions.add(Conditions.compile(condition));
            }
            return new CompiledRule(rule, List.copyOf(conditions), !"any".equals(rule.definition().match()));
        }

        boolean test(ExpenseFacts expense) {
            if (conditions.isEmpty()) {
                return false;
            }
            return all ? conditions.stream().allMatch(c -> c.test(expense))
                    : conditions.stream().anyMatch(c -> c.test(expense));
        }
    }
}
