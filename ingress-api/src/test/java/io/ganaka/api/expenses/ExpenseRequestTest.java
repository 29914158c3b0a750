package io.ganaka.api.expenses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ganaka.api.errors.FieldError;
import io.ganaka.api.errors.MalformedRequestException;
import io.ganaka.api.errors.ValidationException;
import io.ganaka.api.http.JsonFields;
import io.ganaka.schemas.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ExpenseRequestTest {

    private static ObjectNode valid() {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("amount", "12.34").put("currency", "EUR").put("description", "Espresso")
                .put("occurredAt", "2026-03-15T12:00:00Z");
        return body;
    }

    private static ExpenseRequest parse(ObjectNode body) {
        return ExpenseRequest.from(JsonFields.of(body));
    }

    private static List<FieldError> errorsOf(Consumer<ObjectNode> change) {
        ObjectNode body = valid();
        change.accept(body);
        return catchThrowableOfType(ValidationException.class, () -> parse(body)).errors();
    }

    private static List<String> fieldsOf(Consumer<ObjectNode> change) {
        return errorsOf(change).stream().map(FieldError::field).toList();
    }

    @Test
    void acceptsTheMinimalExpenseWithDefaults() {
        ExpenseRequest request = parse(valid());

        assertThat(request.amount()).isEqualTo(new BigDecimal("12.34"));
        assertThat(request.currency()).isEqualTo("EUR");
        assertThat(request.description()).isEqualTo("Espresso");
        assertThat(request.occurredAt()).isEqualTo(Instant.parse("2026-03-15T12:00:00Z"));
        assertThat(request.merchant()).isNull();
        assertThat(request.categoryId()).isNull();
        assertThat(request.tags()).isEmpty();
        assertThat(request.notes()).isNull();
    }

    @Test
    void acceptsEveryOptionalField() {
        UUID category = UUID.randomUUID();
        ObjectNode body = valid().put("merchant", "Café Nero").put("categoryId", category.toString())
                .put("notes", "with a friend");
        body.putArray("tags").add("coffee").add(" work ").add("coffee");

        ExpenseRequest request = parse(body);

        assertThat(request.merchant()).isEqualTo("Café Nero");
        assertThat(request.categoryId()).isEqualTo(category);
        assertThat(request.tags()).containsExactly("coffee", "work");
        assertThat(request.notes()).isEqualTo("with a friend");
    }

    @Test
    void scalesTheAmountToTheCurrencysDigits() {
        assertThat(parse(valid().put("amount", "12.3")).amount()).isEqualTo(new BigDecimal("12.30"));
        assertThat(parse(valid().put("amount", "1000").put("currency", "JPY")).amount().toPlainString())
                .isEqualTo("1000");
    }

    @Test
    void keepsAJsonNumberAmountExact() throws Exception {
        ObjectNode body = (ObjectNode) Json.MAPPER.readTree(
                "{\"amount\": 0.1, \"currency\": \"EUR\", \"description\": \"x\", \"occurredAt\": \"2026-03-15T12:00:00Z\"}");

        assertThat(parse(body).amount()).isEqualTo(new BigDecimal("0.10"));
    }

    @Test
    void acceptsAnInstantWithAnOffsetAndStoresItInUtc() {
        assertThat(parse(valid().put("occurredAt", "2026-03-15T14:00:00+02:00")).occurredAt())
                .isEqualTo(Instant.parse("2026-03-15T12:00:00Z"));
    }

    @Test
    void listsEveryMissingRequiredField() {
        List<String> fields = catchThrowableOfType(ValidationException.class,
                () -> parse(Json.MAPPER.createObjectNode())).errors().stream().map(FieldError::field).toList();

        assertThat(fields).containsExactlyInAnyOrder("amount", "currency", "description", "occurredAt");
    }

    @Test
    void rejectsAmountsThatAreNotPositiveDecimalsWithinRange() {
        assertThat(fieldsOf(b -> b.put("amount", "0"))).containsExactly("amount");
        assertThat(fieldsOf(b -> b.put("amount", "-3.00"))).containsExactly("amount");
        assertThat(fieldsOf(b -> b.put("amount", "12.345"))).containsExactly("amount");
        assertThat(fieldsOf(b -> b.put("amount", "10000000000"))).containsExactly("amount");
        assertThat(fieldsOf(b -> b.put("amount", "twelve"))).containsExactly("amount");
        assertThat(fieldsOf(b -> b.put("amount", 12.345))).containsExactly("amount");
        assertThat(fieldsOf(b -> b.put("amount", "12.5").put("currency", "JPY"))).containsExactly("amount");
    }

    @Test
    void rejectsUnknownOrLowerCaseCurrencies() {
        assertThat(fieldsOf(b -> b.put("currency", "XYZ"))).containsExactly("currency");
        assertThat(fieldsOf(b -> b.put("currency", "eur"))).containsExactly("currency");
        assertThat(fieldsOf(b -> b.put("currency", "EURO"))).containsExactly("currency");
    }

    @Test
    void explainsNegativeAmountsAndNonIsoCurrenciesInTheirOwnTerms() {
        assertThat(errorsOf(b -> b.put("amount", "-1")))
                .extracting(FieldError::message).containsExactly("must be greater than 0");
        assertThat(errorsOf(b -> b.put("currency", "EURO")))
                .extracting(FieldError::message).containsExactly("must be an ISO 4217 code such as EUR");
    }

    @Test
    void rejectsABlankOrOverlongDescription() {
        assertThat(fieldsOf(b -> b.put("description", "   "))).containsExactly("description");
        assertThat(fieldsOf(b -> b.put("description", "x".repeat(501)))).containsExactly("description");
        assertThat(parse(valid().put("description", "x".repeat(500))).description()).hasSize(500);
    }

    @Test
    void rejectsOverlongMerchantAndNotes() {
        assertThat(fieldsOf(b -> b.put("merchant", "m".repeat(201)))).containsExactly("merchant");
        assertThat(fieldsOf(b -> b.put("notes", "n".repeat(2001)))).containsExactly("notes");
    }

    @Test
    void rejectsOccurredAtThatIsNotAnInstant() {
        assertThat(fieldsOf(b -> b.put("occurredAt", "2026-03-15"))).containsExactly("occurredAt");
        assertThat(fieldsOf(b -> b.put("occurredAt", "2026-03-15T12:00:00"))).containsExactly("occurredAt");
        assertThat(fieldsOf(b -> b.put("occurredAt", 1_700_000_000))).containsExactly("occurredAt");
        assertThat(fieldsOf(b -> b.put("occurredAt", "1969-12-31T23:59:59Z"))).containsExactly("occurredAt");
    }

    @Test
    void rejectsACategoryIdThatIsNotACanonicalUuid() {
        assertThat(fieldsOf(b -> b.put("categoryId", "not-a-uuid"))).containsExactly("categoryId");
        assertThat(fieldsOf(b -> b.put("categoryId", "1-1-1-1-1"))).containsExactly("categoryId");
        assertThat(fieldsOf(b -> b.put("categoryId", 42))).containsExactly("categoryId");
    }

    @Test
    void rejectsTooManyTagsAndBadTagsNamingEachOne() {
        assertThat(fieldsOf(b -> {
            var tags = b.putArray("tags");
            for (int i = 0; i < 21; i++) {
                tags.add("t" + i);
            }
        })).containsExactly("tags");
        assertThat(fieldsOf(b -> b.putArray("tags").add("ok").add("x".repeat(51)).add(7).add(" ")))
                .containsExactly("tags[1]", "tags[2]", "tags[3]");
        assertThat(fieldsOf(b -> b.put("tags", "coffee"))).containsExactly("tags");
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        assertThat(fieldsOf(b -> b.put("amount", "-1").put("currency", "??").put("description", "")))
                .containsExactlyInAnyOrder("amount", "currency", "description");
    }

    @Test
    void refusesABodyThatIsNotAnObject() {
        assertThat(catchThrowableOfType(MalformedRequestException.class,
                () -> JsonFields.of(Json.MAPPER.createArrayNode()))).isNotNull();
    }
}
