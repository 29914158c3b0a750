package io.ganaka.api.expenses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ganaka.api.errors.FieldError;
import io.ganaka.api.errors.ValidationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExpenseListRequestTest {

    private static ExpenseListRequest parse(String... nameValuePairs) {
        return ExpenseListRequest.parse(query(nameValuePairs));
    }

    private static Map<String, List<String>> query(String... nameValuePairs) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            query.computeIfAbsent(nameValuePairs[i], k -> new java.util.ArrayList<>()).add(nameValuePairs[i + 1]);
        }
        return query;
    }

    private static List<FieldError> errors(String... nameValuePairs) {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> parse(nameValuePairs));
        assertThat(e).as("expected a validation error for %s", List.of(nameValuePairs)).isNotNull();
        return e.errors();
    }

    private static List<String> badParameters(String... nameValuePairs) {
        return errors(nameValuePairs).stream().map(FieldError::field).toList();
    }

    @Test
    void noParametersMeanTheFirstPageOfFiftyUnfiltered() {
        ExpenseListRequest request = parse();

        assertThat(request.limit()).isEqualTo(50);
        assertThat(request.after()).isNull();
        assertThat(request.filter()).isEqualTo(ExpenseFilter.NONE);
    }

    @Test
    void readsEveryParameter() {
        UUID category = UUID.randomUUID();
        ExpenseCursor cursor = new ExpenseCursor(Instant.parse("2026-03-10T08:00:00Z"), UUID.randomUUID());

        ExpenseListRequest request = parse("limit", "200", "cursor", cursor.encode(), "from", "2026-03-01",
                "to", "2026-03-31T18:00:00+02:00", "categoryId", category.toString(), "minAmount", "0",
                "maxAmount", "12.5", "currency", "EUR", "q", " Café ");

        assertThat(request.limit()).isEqualTo(200);
        assertThat(request.after()).isEqualTo(cursor);
        ExpenseFilter f = request.filter();
        assertThat(f.from()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(f.to()).isEqualTo(Instant.parse("2026-03-31T16:00:00Z"));
        assertThat(f.categoryId()).isEqualTo(category);
        assertThat(f.uncategorized()).isFalse();
        assertThat(f.minAmount()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(f.maxAmount()).isEqualByComparingTo(new BigDecimal("12.50"));
        assertThat(f.currency()).isEqualTo("EUR");
        assertThat(f.text()).isEqualTo("Café");
    }

    @Test
    void aDateIsTheStartOfThatUtcDaySoToExcludesTheDayItNames() {
        ExpenseFilter march = parse("from", "2026-03-01", "to", "2026-04-01").filter();

        assertThat(march.from()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(march.to()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
    }

    @Test
    void categoryNoneMeansUncategorized() {
        ExpenseFilter filter = parse("categoryId", "none").filter();

        assertThat(filter.uncategorized()).isTrue();
        assertThat(filter.categoryId()).isNull();
    }

    @Test
    void aLowerCaseCurrencyIsReadAsItsCode() {
        assertThat(parse("currency", "usd").filter().currency()).isEqualTo("USD");
    }

    @Test
    void limitMustBeAnIntegerFromOneTo200() {
        for (String bad : new String[] {"0", "201", "-1", "+5", "abc", "1.5", "99999999999", "1e2"}) {
            assertThat(errors("limit", bad)).as(bad).singleElement()
                    .isEqualTo(new FieldError("limit", "must be an integer from 1 to 200"));
        }
        assertThat(parse("limit", "1").limit()).isEqualTo(1);
    }

    @Test
    void aCursorThatIsNotOneOfOursIsRefused() {
        String cursor = new ExpenseCursor(Instant.parse("2026-03-10T08:00:00Z"), UUID.randomUUID()).encode();

        assertThat(badParameters("cursor", "garbage")).containsExactly("cursor");
        assertThat(badParameters("cursor", cursor.substring(1))).containsExactly("cursor");
        assertThat(badParameters("cursor", cursor + "==")).containsExactly("cursor");
    }

    @Test
    void datesMustBeDatesOrInstantsWithAnOffset() {
        for (String bad : new String[] {"yesterday", "2026-3-1", "2026-02-30", "2026-03-15T12:00:00", "1969-12-31",
                "10000-01-01", "2026-03-15T25:00:00Z"}) {
            assertThat(badParameters("from", bad)).as(bad).containsExactly("from");
            assertThat(badParameters("to", bad)).as(bad).containsExactly("to");
        }
    }

    @Test
    void toMustBeLaterThanFrom() {
        assertThat(errors("from", "2026-03-01", "to", "2026-03-01")).singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("to"));
        assertThat(badParameters("from", "2026-04-01", "to", "2026-03-01")).containsExactly("to");
    }

    @Test
    void categoryIdMustBeAUuidOrNone() {
        for (String bad : new String[] {"coffee", "1-1-1-1-1", "NONE", UUID.randomUUID() + "x"}) {
            assertThat(badParameters("categoryId", bad)).as(bad).containsExactly("categoryId");
        }
    }

    @Test
    void amountsMustBeNonNegativeDecimalsWithAtMostTwoDecimals() {
        for (String bad : new String[] {"-1", "1.234", "abc", "1e3", "12,50", "12345678901", ".5", "NaN"}) {
            assertThat(badParameters("minAmount", bad)).as(bad).containsExactly("minAmount");
            assertThat(badParameters("maxAmount", bad)).as(bad).containsExactly("maxAmount");
        }
    }

    @Test
    void maxAmountMustNotBeLessThanMinAmount() {
        assertThat(badParameters("minAmount", "10", "maxAmount", "9.99")).containsExactly("maxAmount");
        assertThat(parse("minAmount", "10", "maxAmount", "10.00").filter().maxAmount())
                .isEqualByComparingTo(BigDecimal.TEN);
    }

    @Test
    void currencyMustBeAnIso4217Code() {
        for (String bad : new String[] {"EURO", "XYZ", "E", "€"}) {
            assertThat(badParameters("currency", bad)).as(bad).containsExactly("currency");
        }
    }

    @Test
    void theSearchTextIsAtMost100Characters() {
        assertThat(badParameters("q", "x".repeat(101))).containsExactly("q");
        assertThat(parse("q", "x".repeat(100)).filter().text()).hasSize(100);
    }

    @Test
    void theSearchTextHasNoControlCharacters() {
        assertThat(badParameters("q", "a\u0000b")).containsExactly("q");
        assertThat(badParameters("q", "a\nb")).containsExactly("q");
    }

    @Test
    void emptyAndRepeatedParametersAreRefused() {
        assertThat(errors("limit", "")).containsExactly(new FieldError("limit", "must not be empty"));
        assertThat(errors("q", "  ")).containsExactly(new FieldError("q", "must not be empty"));
        assertThat(errors("currency", "EUR", "currency", "USD"))
                .containsExactly(new FieldError("currency", "must be given at most once"));
    }

    @Test
    void anUnknownParameterIsRefusedSoATypoNeverWidensTheList() {
        assertThat(badParameters("catgoryId", "none")).containsExactly("catgoryId");
        assertThat(errors("page", "2").get(0).message()).contains("categoryId").contains("cursor");
    }

    @Test
    void everyBadParameterIsReportedAtOnce() {
        assertThat(badParameters("limit", "0", "cursor", "x", "from", "x", "to", "x", "categoryId", "x",
                "minAmount", "x", "maxAmount", "x", "currency", "x", "q", "x".repeat(101), "extra", "1"))
                .containsExactlyInAnyOrder("limit", "cursor", "from", "to", "categoryId", "minAmount", "maxAmount",
                        "currency", "q", "extra");
    }

    @Test
    void theSearchPatternTakesLikeWildcardsLiterally() {
        assertThat(parse("q", "50%_off\\").filter().textPattern()).contains("%50\\%\\_off\\\\%");
        assertThat(ExpenseFilter.NONE.textPattern()).isEmpty();
    }
}
