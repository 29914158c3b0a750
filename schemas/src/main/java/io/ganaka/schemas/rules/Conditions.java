package io.ganaka.schemas.rules;

import io.ganaka.schemas.rules.RuleDefinition.RuleCondition;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The fields and operators a rule condition may use, and how each becomes a predicate on an expense. The API
 * validates rules against the same lists, so what it accepts is exactly what the engine understands.
 */
public final class Conditions {

    public static final Set<String> TEXT_FIELDS = Set.of("description", "merchant");
    public static final String AMOUNT_FIELD = "amount";
    public static final Set<String> TEXT_OPERATORS = Set.of("contains", "startsWith", "equals", "regex");
    public static final Set<String> AMOUNT_OPERATORS = Set.of("gt", "gte", "lt", "lte", "equals");
    /**
     * How many characters one regex condition may read on one text. A linear pattern on the longest description
     * (500 characters) reads a few thousand; a catastrophically backtracking one reaches this in milliseconds.
     */
    public static final long REGEX_STEP_BUDGET = 1_000_000;

    private static final int REGEX_FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private Conditions() {}

    /** The pattern a regex condition uses; the API calls it to refuse patterns that do not compile. */
    public static Pattern regex(String value) throws PatternSyntaxException {
        return Pattern.compile(value, REGEX_FLAGS);
    }

    /** The value of an amount condition, or empty when it is not a plain decimal. */
    public static Optional<BigDecimal> decimal(String value) {
        if (value == null || !value.matches("-?\\d{1,20}(\\.\\d{1,20})?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(value));
    }

    /**
     * Unicode-aware case-insensitive form of a text: composed (NFC) so that {@code é} typed either way is one
     * character, then upper- and lower-cased, which folds {@code ß} to {@code ss} and every Greek sigma to σ.
     */
    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    static Predicate<ExpenseFacts> compile(RuleCondition condition) {
        String field = condition.field();
        String operator = condition.operator();
        String value = condition.value();
        if (field == null || operator == null || value == null) {
            return expense -> false;
        }
        if (TEXT_FIELDS.contains(field)) {
            Function<ExpenseFacts, String> text = "description".equals(field)
                    ? ExpenseFacts::description : ExpenseFacts::merchant;
            Predicate<String> test = textTest(operator, value);
            return expense -> {
                String actual = text.apply(expense);
                return actual != null && test.test(actual);
            };
        }
        if (AMOUNT_FIELD.equals(field)) {
            Optional<BigDecimal> limit = decimal(value);
            if (limit.isEmpty()) {
                return expense -> false;
            }
            Predicate<Integer> wanted = comparison(operator);
            return expense -> expense.amount() != null && wanted.test(expense.amount().compareTo(limit.get()));
        }
        return expense -> false;
    }

    private static Predicate<String> textTest(String operator, String value) {
        String folded = fold(value);
        return switch (operator) {
            case "contains" -> actual -> fold(actual).contains(folded);
            case "startsWith" -> actual -> fold(actual).startsWith(folded);
            case "equals" -> actual -> fold(actual).equals(folded);
            case "regex" -> regexTest(value);
            default -> actual -> false;
        };
    }

    private static Predicate<String> regexTest(String value) {
        Pattern pattern;
        try {
            pattern = regex(value);
        } catch (PatternSyntaxException e) {
            // The API refuses such rules; one stored before that check simply never matches.
            return actual -> false;
        }
        return actual -> {
            try {
                return pattern.matcher(new StepLimitedText(actual, REGEX_STEP_BUDGET)).find();
            } catch (StepLimitedText.BudgetExceeded e) {
                return false;
            }
        };
    }

    /** Whether a {@code compareTo} result satisfies the amount operator. */
    private static Predicate<Integer> comparison(String operator) {
        return switch (operator) {
            case "gt" -> c -> c > 0;
            case "gte" -> c -> c >= 0;
            case "lt" -> c -> c < 0;
            case "lte" -> c -> c <= 0;
            case "equals" -> c -> c == 0;
            default -> c -> false;
        };
    }
}
