package io.ganaka.api.budgets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.api.errors.FieldError;
import io.ganaka.api.errors.MalformedRequestException;
import io.ganaka.api.errors.ValidationException;
import io.ganaka.schemas.EventPayload.BudgetItem;
import io.ganaka.schemas.Json;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetRequestTest {

    private static final String CATEGORY = "0190a000-0000-7000-8000-0000000000c1";

    private static BudgetRequest parse(String json) throws Exception {
        return BudgetRequest.from(Json.MAPPER.readTree(json));
    }

    private static List<FieldError> errorsOf(String json) throws Exception {
        JsonNode body = Json.MAPPER.readTree(json);
        return catchThrowableOfType(ValidationException.class, () -> BudgetRequest.from(body)).errors();
    }

    private static String items(String... items) {
        return "{\"items\":[" + String.join(",", items) + "]}";
    }

    @Test
    void acceptsItemsForCategoriesAndForAllSpendingScaledToTheCurrency() throws Exception {
        BudgetRequest request = parse(items(
                "{\"categoryId\":\"" + CATEGORY.toUpperCase() + "\",\"currency\":\"EUR\",\"amount\":\"300\"}",
                "{\"categoryId\":null,\"currency\":\"EUR\",\"amount\":\"1500.5\"}",
                "{\"currency\":\"JPY\",\"amount\":20000}"));

        assertThat(request.items()).containsExactly(
                new BudgetItem(CATEGORY, "EUR", new BigDecimal("300.00")),
                new BudgetItem(null, "EUR", new BigDecimal("1500.50")),
                new BudgetItem(null, "JPY", new BigDecimal("20000")));
    }

    @Test
    void anEmptyListClearsThePeriod() throws Exception {
        assertThat(parse("{\"items\":[]}").items()).isEmpty();
    }

    @Test
    void itemsAreRequiredAsAnArrayOfAtMostTwoHundred() throws Exception {
        assertThat(errorsOf("{}")).containsExactly(new FieldError("items", "is required"));
        assertThat(errorsOf("{\"items\":{}}")).containsExactly(new FieldError("items", "must be an array"));
        String item = "{\"currency\":\"EUR\",\"amount\":\"1\"}";
        assertThat(errorsOf(items(java.util.Collections.nCopies(201, item).toArray(String[]::new))))
                .containsExactly(new FieldError("items", "must have at most 200 items"));
        assertThat(errorsOf("{\"items\":[1]}")).containsExactly(new FieldError("items[0]", "must be an object"));
    }

    @Test
    void eachItemNeedsACurrencyAndAValidAmount() throws Exception {
        assertThat(errorsOf(items("{\"amount\":\"1\"}", "{\"currency\":\"EURO\",\"amount\":\"1\"}",
                "{\"currency\":\"EUR\"}"))).containsExactly(
                new FieldError("items[0].currency", "is required"),
                new FieldError("items[1].currency", "must be an ISO 4217 code such as EUR"),
                new FieldError("items[2].amount", "is required"));
    }

    @Test
    void amountsArePositiveAtMostTheColumnMaximumAndHaveNoMoreDecimalsThanTheCurrency() throws Exception {
        assertThat(errorsOf(items("{\"currency\":\"EUR\",\"amount\":\"0\"}",
                "{\"currency\":\"USD\",\"amount\":\"-5\"}",
                "{\"currency\":\"GBP\",\"amount\":\"10000000000.00\"}",
                "{\"currency\":\"CHF\",\"amount\":\"1.234\"}",
                "{\"currency\":\"JPY\",\"amount\":\"1.5\"}",
                "{\"currency\":\"SEK\",\"amount\":\"ten\"}"))).containsExactly(
                new FieldError("items[0].amount", "must be greater than 0"),
                new FieldError("items[1].amount", "must be greater than 0"),
                new FieldError("items[2].amount", "must be at most 9999999999.99"),
                new FieldError("items[3].amount", "must have at most 2 decimals"),
                new FieldError("items[4].amount", "must have at most 0 decimals in this currency"),
                new FieldError("items[5].amount", "must be a decimal string such as \"300.00\""));
        assertThat(parse(items("{\"currency\":\"EUR\",\"amount\":\"9999999999.99\"}")).items()).hasSize(1);
    }

    @Test
    void aCategoryIdIsACanonicalUuidOrNull() throws Exception {
        assertThat(errorsOf(items("{\"categoryId\":\"1-1-1-1-1\",\"currency\":\"EUR\",\"amount\":\"1\"}",
                "{\"categoryId\":42,\"currency\":\"EUR\",\"amount\":\"1\"}"))).extracting(FieldError::field)
                .containsExactly("items[0].categoryId", "items[1].categoryId");
    }

    @Test
    void aCategoryAndCurrencyMayHaveOnlyOneItem() throws Exception {
        assertThat(errorsOf(items("{\"categoryId\":\"" + CATEGORY + "\",\"currency\":\"EUR\",\"amount\":\"1\"}",
                "{\"categoryId\":\"" + CATEGORY + "\",\"currency\":\"USD\",\"amount\":\"1\"}",
                "{\"categoryId\":\"" + CATEGORY.toUpperCase() + "\",\"currency\":\"EUR\",\"amount\":\"2\"}",
                "{\"currency\":\"EUR\",\"amount\":\"1\"}", "{\"categoryId\":null,\"currency\":\"EUR\",\"amount\":\"3\"}")))
                .containsExactly(
                        new FieldError("items[2]", "repeats the budget of this category and currency"),
                        new FieldError("items[4]", "repeats the budget of this category and currency"));
    }

    @Test
    void unknownFieldsAreRefusedByTheirPath() throws Exception {
        assertThat(errorsOf("{\"items\":[{\"currency\":\"EUR\",\"amount\":\"1\",\"note\":\"x\"}],\"year\":2026}"))
                .extracting(FieldError::field).containsExactlyInAnyOrder("year", "items[0].note");
    }

    @Test
    void aBodyThatIsNotAnObjectIsMalformed() {
        assertThatThrownBy(() -> BudgetRequest.from(Json.MAPPER.readTree("[]")))
                .isInstanceOf(MalformedRequestException.class);
    }
}
