package io.ganaka.schemas.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ganaka.schemas.rules.RuleDefinition.RuleActions;
import io.ganaka.schemas.rules.RuleDefinition.RuleCondition;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleEngineTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private static ExpenseFacts expense(String description, String merchant, String amount) {
        return new ExpenseFacts(description, merchant, amount == null ? null : new BigDecimal(amount));
    }

    private static RuleCondition when(String field, String operator, String value) {
        return new RuleCondition(field, operator, value);
    }

    private static Rule rule(String id, int priority, String match, List<RuleCondition> conditions,
                             String categoryId, List<String> tags, boolean stop) {
        return new Rule(id, T0, new RuleDefinition("rule " + id, priority, match, conditions,
                new RuleActions(categoryId, tags), stop));
    }

    /** A one-condition rule setting category "hit". */
    private static boolean matches(RuleCondition condition, ExpenseFacts expense) {
        RuleEngine engine = RuleEngine.of(List.of(rule("r", 1, "all", List.of(condition), "hit", List.of(), false)));
        return engine.evaluate(expense).categorized();
    }

    @ParameterizedTest(name = "{0} {1} \"{2}\" on \"{3}\" -> {4}")
    @CsvSource({
            "description, contains,   presso,     Double Espresso,  true",
            "description, contains,   latte,      Double Espresso,  false",
            "description, startsWith, double,     Double Espresso,  true",
            "description, startsWith, espresso,   Double Espresso,  false",
            "description, equals,     double espresso, Double Espresso, true",
            "description, equals,     double,     Double Espresso,  false",
            "merchant,    contains,   bucks,      Starbucks,        true",
            "merchant,    equals,     STARBUCKS,  starbucks,        true",
            "merchant,    startsWith, Bucks,      Starbucks,        false"})
    void textOperatorsCompareIgnoringCase(String field, String operator, String value, String text, boolean expected) {
        ExpenseFacts expense = field.equals("merchant") ? expense("x", text, "1.00") : expense(text, null, "1.00");

        assertThat(matches(when(field, operator, value), expense)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "amount {0} {1} on {2} -> {3}")
    @CsvSource({
            "gt,     10.00, 10.01, true",
            "gt,     10.00, 10.00, false",
            "gte,    10.00, 10.00, true",
            "gte,    10.00,  9.99, false",
            "lt,     10.00,  9.99, true",
            "lt,     10.00, 10.00, false",
            "lte,    10.00, 10.00, true",
            "lte,    10.00, 10.01, false",
            "equals, 12.3,  12.30, true",
            "equals, 12.30, 12.31, false"})
    void amountOperatorsCompareExactDecimals(String operator, String value, String amount, boolean expected) {
        assertThat(matches(when("amount", operator, value), expense("x", null, amount))).isEqualTo(expected);
    }

    @Test
    void amountComparisonsAreExactBeyondDoublePrecision() {
        RuleCondition overLimit = when("amount", "gt", "9999999999.98");

        assertThat(matches(overLimit, expense("x", null, "9999999999.99"))).isTrue();
        assertThat(matches(overLimit, expense("x", null, "9999999999.98"))).isFalse();
    }

    @Test
    void textComparisonsAreUnicodeAware() {
        // Full case folding: ß is ss; Greek final sigma folds like the others; composed and decomposed é agree.
        assertThat(matches(when("description", "contains", "STRASSE"), expense("Hauptstraße 5", null, "1"))).isTrue();
        assertThat(matches(when("description", "equals", "ΟΔΟΣ"), expense("οδος", null, "1"))).isTrue();
        assertThat(matches(when("description", "startsWith", "CAFÉ"), expense("cafe\u0301 noir", null, "1"))).isTrue();
        assertThat(matches(when("merchant", "equals", "МАГАЗИН"), expense("x", "магазин", "1"))).isTrue();
    }

    @Test
    void regexIsCaseInsensitiveIncludingNonAsciiAndMatchesAnywhere() {
        assertThat(matches(when("description", "regex", "uber|lyft"), expense("Trip with UBER", null, "1"))).isTrue();
        assertThat(matches(when("description", "regex", "^ÉPICERIE"), expense("épicerie fine", null, "1"))).isTrue();
        assertThat(matches(when("description", "regex", "^trip$"), expense("Trip with Uber", null, "1"))).isFalse();
    }

    @Test
    void aCatastrophicRegexOnALongInputIsANonMatchNotAHang() {
        String evil = "a".repeat(5_000) + "!";
        RuleEngine engine = RuleEngine.of(List.of(
                rule("evil", 1, "all", List.of(when("description", "regex", "(a+)+$")), "evil", List.of("x"), false),
                rule("fine", 2, "all", List.of(when("description", "contains", "aaa")), "fine", List.of(), false)));

        RuleOutcome outcome = engine.evaluate(expense(evil, null, "1"));

        // The evil rule gave up and did not match; evaluation went on to the next rule.
        assertThat(outcome.categoryId()).isEqualTo("fine");
        assertThat(outcome.tags()).isEmpty();
    }

    @Test
    void theStepBudgetStopsReadingTheText() {
        StepLimitedText text = new StepLimitedText("abc", 2);
        assertThat(text.charAt(0)).isEqualTo('a');
        assertThat(text.subSequence(1, 3).charAt(0)).isEqualTo('b');

        assertThatThrownBy(() -> text.charAt(2))
                .isInstanceOf(StepLimitedText.BudgetExceeded.class);
    }

    @Test
    void allNeedsEveryConditionAndAnyNeedsOne() {
        List<RuleCondition> conditions = List.of(when("merchant", "equals", "Cafe"), when("amount", "lt", "5"));
        ExpenseFacts both = expense("coffee", "Cafe", "3.00");
        ExpenseFacts one = expense("coffee", "Cafe", "7.00");
        ExpenseFacts none = expense("coffee", "Bar", "7.00");

        RuleEngine all = RuleEngine.of(List.of(rule("r", 1, "all", conditions, "c", List.of(), false)));
        RuleEngine any = RuleEngine.of(List.of(rule("r", 1, "any", conditions, "c", List.of(), false)));

        assertThat(List.of(all.evaluate(both), all.evaluate(one), all.evaluate(none)))
                .extracting(RuleOutcome::categorized).containsExactly(true, false, false);
        assertThat(List.of(any.evaluate(both), any.evaluate(one), any.evaluate(none)))
                .extracting(RuleOutcome::categorized).containsExactly(true, true, false);
    }

    @Test
    void theFirstMatchingRuleInPriorityOrderSetsTheCategory() {
        List<RuleCondition> coffee = List.of(when("description", "contains", "coffee"));
        List<Rule> rules = new ArrayList<>(List.of(
                rule("late", 50, "all", coffee, "cat-50", List.of(), false),
                rule("early", 5, "all", coffee, "cat-5", List.of(), false),
                rule("middle", 10, "all", coffee, "cat-10", List.of(), false)));

        RuleOutcome outcome = RuleEngine.of(rules).evaluate(expense("coffee beans", null, "9.00"));

        assertThat(outcome.categoryId()).isEqualTo("cat-5");
        assertThat(outcome.ruleId()).isEqualTo("early");
    }

    @Test
    void equalPrioritiesGoToTheOlderRuleThenToTheSmallerId() {
        List<RuleCondition> any = List.of(when("amount", "gt", "0"));
        RuleDefinition newer = new RuleDefinition("n", 1, "all", any, new RuleActions("newer", List.of()), false);
        RuleDefinition older = new RuleDefinition("o", 1, "all", any, new RuleActions("older", List.of()), false);
        RuleDefinition b = new RuleDefinition("b", 1, "all", any, new RuleActions("id-b", List.of()), false);
        RuleDefinition a = new RuleDefinition("a", 1, "all", any, new RuleActions("id-a", List.of()), false);
        ExpenseFacts expense = expense("x", null, "1");

        assertThat(RuleEngine.of(List.of(new Rule("1", T0.plusSeconds(1), newer), new Rule("2", T0, older)))
                .evaluate(expense).categoryId()).isEqualTo("older");
        assertThat(RuleEngine.of(List.of(new Rule("b", T0, b), new Rule("a", T0, a)))
                .evaluate(expense).categoryId()).isEqualTo("id-a");
    }

    @Test
    void tagsOfEveryMatchingRuleAccumulateButOnlyTheFirstCategoryCounts() {
        List<RuleCondition> coffee = List.of(when("description", "contains", "coffee"));
        List<RuleCondition> tea = List.of(when("description", "contains", "tea"));
        RuleEngine engine = RuleEngine.of(List.of(
                rule("tags-only", 1, "all", coffee, null, List.of("caffeine"), false),
                rule("first", 2, "all", coffee, "drinks", List.of("morning", "caffeine"), false),
                rule("no-match", 3, "all", tea, "tea", List.of("tea"), false),
                rule("second", 4, "all", coffee, "groceries", List.of("shop"), false)));

        RuleOutcome outcome = engine.evaluate(expense("coffee", null, "3"));

        assertThat(outcome.categoryId()).isEqualTo("drinks");
        assertThat(outcome.ruleId()).isEqualTo("first");
        assertThat(outcome.tags()).containsExactly("caffeine", "morning", "shop");
    }

    @Test
    void aMatchingRuleWithStopProcessingEndsTheRun() {
        List<RuleCondition> coffee = List.of(when("description", "contains", "coffee"));
        List<RuleCondition> tea = List.of(when("description", "contains", "tea"));
        RuleEngine engine = RuleEngine.of(List.of(
                rule("skipped-stop", 1, "all", tea, null, List.of("tea"), true),
                rule("stop", 2, "all", coffee, null, List.of("stopped-here"), true),
                rule("never", 3, "all", coffee, "drinks", List.of("never"), false)));

        RuleOutcome outcome = engine.evaluate(expense("coffee", null, "3"));

        // The non-matching stop rule did not end anything; the matching one applied its tags and ended the run.
        assertThat(outcome.tags()).containsExactly("stopped-here");
        assertThat(outcome.categorized()).isFalse();
        assertThat(outcome.ruleId()).isNull();
    }

    @Test
    void conditionsOnAMissingMerchantOrWithUnknownPartsNeverHold() {
        ExpenseFacts noMerchant = expense("coffee", null, "3");

        assertThat(matches(when("merchant", "contains", "a"), noMerchant)).isFalse();
        assertThat(matches(when("notes", "contains", "a"), noMerchant)).isFalse();
        assertThat(matches(when("description", "endsWith", "e"), noMerchant)).isFalse();
        assertThat(matches(when("amount", "gt", "lots"), noMerchant)).isFalse();
        assertThat(matches(when("description", "regex", "(unclosed"), noMerchant)).isFalse();
    }

    @Test
    void noRulesOrNoMatchGiveNoOutcome() {
        assertThat(RuleEngine.of(List.of()).evaluate(expense("x", null, "1"))).isEqualTo(RuleOutcome.NONE);
        assertThat(RuleEngine.of(List.of(rule("r", 1, "all", List.of(), "c", List.of("t"), false)))
                .evaluate(expense("x", null, "1"))).isEqualTo(RuleOutcome.NONE);
    }
}
