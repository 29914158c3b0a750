package io.ganaka.api.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ganaka.api.errors.FieldError;
import io.ganaka.api.errors.MalformedRequestException;
import io.ganaka.api.errors.ValidationException;
import io.ganaka.schemas.Json;
import io.ganaka.schemas.rules.RuleDefinition;
import io.ganaka.schemas.rules.RuleDefinition.RuleCondition;
import java.math.BigDecimal;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RuleParserTest {

    private static final String CATEGORY = "0190a000-0000-7000-8000-0000000000c1";

    private static ObjectNode valid() {
        try {
            return (ObjectNode) Json.MAPPER.readTree("""
                    {"name":"Coffee shops","priority":10,"match":"all",
                     "conditions":[{"field":"description","operator":"contains","value":"espresso"}],
                     "actions":{"categoryId":"%s","tags":["coffee"]},"stopProcessing":false}""".formatted(CATEGORY));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode with(Consumer<ObjectNode> change) {
        ObjectNode body = valid();
        change.accept(body);
        return body;
    }

    private static ObjectNode condition(ObjectNode body) {
        return (ObjectNode) body.get("conditions").get(0);
    }

    /** The single field error a body gets. */
    private static FieldError error(JsonNode body) {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> RuleParser.parse(body));
        assertThat(e).as("expected a validation error").isNotNull();
        assertThat(e.errors()).hasSize(1);
        return e.errors().get(0);
    }

    @Test
    void readsAFullRule() {
        RuleDefinition rule = RuleParser.parse(valid());

        assertThat(rule.name()).isEqualTo("Coffee shops");
        assertThat(rule.priority()).isEqualTo(10);
        assertThat(rule.match()).isEqualTo("all");
        assertThat(rule.conditions()).containsExactly(new RuleCondition("description", "contains", "espresso"));
        assertThat(rule.actions().categoryId()).isEqualTo(CATEGORY);
        assertThat(rule.actions().tags()).containsExactly("coffee");
        assertThat(rule.stopProcessing()).isFalse();
    }

    @Test
    void matchDefaultsToAllAndStopProcessingToFalse() {
        RuleDefinition rule = RuleParser.parse(with(b -> {
            b.remove("match");
            b.remove("stopProcessing");
        }));

        assertThat(rule.match()).isEqualTo("all");
        assertThat(rule.stopProcessing()).isFalse();
    }

    @Test
    void nameIsRequiredAndAtMost100Characters() {
        assertThat(error(with(b -> b.remove("name")))).isEqualTo(new FieldError("name", "is required"));
        assertThat(error(with(b -> b.put("name", "  "))).field()).isEqualTo("name");
        assertThat(error(with(b -> b.put("name", "x".repeat(101)))).field()).isEqualTo("name");
        assertThat(RuleParser.parse(with(b -> b.put("name", "x".repeat(100)))).name()).hasSize(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "10001", "1.5", "\"10\"", "null"})
    void priorityMustBeAWholeNumberFrom0To10000(String priority) throws Exception {
        ObjectNode body = with(b -> b.set("priority", readTree(priority)));

        assertThat(error(body).field()).isEqualTo("priority");
    }

    @Test
    void priorityBoundsAreAccepted() {
        assertThat(RuleParser.parse(with(b -> b.put("priority", 0))).priority()).isZero();
        assertThat(RuleParser.parse(with(b -> b.put("priority", 10_000))).priority()).isEqualTo(10_000);
    }

    @Test
    void matchMustBeAllOrAny() {
        assertThat(error(with(b -> b.put("match", "some")))).isEqualTo(new FieldError("match", "must be \"all\" or \"any\""));
        assertThat(RuleParser.parse(with(b -> b.put("match", "any"))).match()).isEqualTo("any");
    }

    @Test
    void stopProcessingMustBeABoolean() {
        assertThat(error(with(b -> b.put("stopProcessing", "yes"))).field()).isEqualTo("stopProcessing");
    }

    @Test
    void conditionsAreRequiredOneToTwenty() {
        assertThat(error(with(b -> b.remove("conditions"))).field()).isEqualTo("conditions");
        assertThat(error(with(b -> b.putArray("conditions"))).field()).isEqualTo("conditions");
        assertThat(error(with(b -> b.put("conditions", "espresso"))).field()).isEqualTo("conditions");
        ObjectNode twentyOne = with(b -> {
            ArrayNode many = b.putArray("conditions");
            for (int i = 0; i < 21; i++) {
                many.add(condition(valid()));
            }
        });
        assertThat(error(twentyOne).field()).isEqualTo("conditions");
        ObjectNode twenty = with(b -> {
            ArrayNode many = b.putArray("conditions");
            for (int i = 0; i < 20; i++) {
                many.add(condition(valid()));
            }
        });
        assertThat(RuleParser.parse(twenty).conditions()).hasSize(20);
    }

    @Test
    void aConditionMustBeAnObjectWithFieldOperatorAndValue() {
        assertThat(error(with(b -> ((ArrayNode) b.get("conditions")).set(0, "x"))).field()).isEqualTo("conditions[0]");
        assertThat(error(with(b -> condition(b).remove("value"))))
                .isEqualTo(new FieldError("conditions[0].value", "is required"));
        assertThat(error(with(b -> condition(b).remove("operator"))).field()).isEqualTo("conditions[0].operator");
        assertThat(error(with(b -> condition(b).remove("field"))).field()).isEqualTo("conditions[0].field");
        assertThat(error(with(b -> condition(b).put("extra", 1))).field()).isEqualTo("conditions[0].extra");
    }

    @Test
    void fieldMustBeDescriptionMerchantOrAmount() {
        assertThat(error(with(b -> condition(b).put("field", "notes"))))
                .isEqualTo(new FieldError("conditions[0].field", "must be description, merchant or amount"));
    }

    @ParameterizedTest(name = "{0} {1} is refused")
    @CsvSource({"description, gt", "merchant, lte", "description, endsWith", "amount, contains", "amount, regex",
            "amount, startsWith"})
    void theOperatorMustSuitTheField(String field, String operator) {
        ObjectNode body = with(b -> condition(b).put("field", field).put("operator", operator).put("value", "5"));

        assertThat(error(body).field()).isEqualTo("conditions[0].operator");
    }

    @ParameterizedTest(name = "{0} {1} is accepted")
    @CsvSource({"description, contains", "description, startsWith", "merchant, equals", "merchant, regex",
            "amount, gt", "amount, gte", "amount, lt", "amount, lte", "amount, equals"})
    void everyOperatorIsAcceptedForItsFields(String field, String operator) {
        ObjectNode body = with(b -> condition(b).put("field", field).put("operator", operator).put("value", "5"));

        assertThat(RuleParser.parse(body).conditions().get(0).operator()).isEqualTo(operator);
    }

    @Test
    void anAmountValueMustBeADecimalAndMayBeAJsonNumber() {
        ObjectNode text = with(b -> condition(b).put("field", "amount").put("operator", "gt").put("value", "ten"));
        ObjectNode number = with(b -> condition(b).put("field", "amount").put("operator", "gt")
                .set("value", readTree("12.50")));

        ObjectNode huge = with(b -> condition(b).put("field", "amount").put("operator", "gt")
                .set("value", readTree("1e999999")));

        assertThat(error(text).field()).isEqualTo("conditions[0].value");
        assertThat(error(huge).field()).isEqualTo("conditions[0].value");
        assertThat(new BigDecimal(RuleParser.parse(number).conditions().get(0).value())).isEqualByComparingTo("12.50");
    }

    @Test
    void aValueMustBeNonBlankAndAtMost500Characters() {
        assertThat(error(with(b -> condition(b).put("value", ""))).field()).isEqualTo("conditions[0].value");
        assertThat(error(with(b -> condition(b).put("value", " "))).field()).isEqualTo("conditions[0].value");
        assertThat(error(with(b -> condition(b).put("value", "x".repeat(501)))).field())
                .isEqualTo("conditions[0].value");
        assertThat(error(with(b -> condition(b).put("value", 5))).field()).isEqualTo("conditions[0].value");
        assertThat(RuleParser.parse(with(b -> condition(b).put("value", "x".repeat(500)))).conditions()).hasSize(1);
    }

    @Test
    void aRegexMustCompile() {
        FieldError error = error(with(b -> condition(b).put("operator", "regex").put("value", "(unclosed")));

        assertThat(error.field()).isEqualTo("conditions[0].value");
        assertThat(error.message()).startsWith("is not a valid regular expression");
        assertThat(RuleParser.parse(with(b -> condition(b).put("operator", "regex").put("value", "^uber|lyft$")))
                .conditions().get(0).value()).isEqualTo("^uber|lyft$");
    }

    @Test
    void actionsNeedACategoryOrATag() {
        assertThat(error(with(b -> b.remove("actions")))).isEqualTo(new FieldError("actions", "is required"));
        assertThat(error(with(b -> b.putObject("actions"))))
                .isEqualTo(new FieldError("actions", "must set a categoryId or at least one tag"));
        assertThat(error(with(b -> b.putObject("actions").putArray("tags"))).field()).isEqualTo("actions");
        assertThat(RuleParser.parse(with(b -> ((ObjectNode) b.get("actions")).remove("tags")))
                .actions().tags()).isEmpty();
        assertThat(RuleParser.parse(with(b -> ((ObjectNode) b.get("actions")).remove("categoryId")))
                .actions().categoryId()).isNull();
    }

    @Test
    void theCategoryIdMustBeAUuid() {
        assertThat(error(with(b -> ((ObjectNode) b.get("actions")).put("categoryId", "coffee"))))
                .isEqualTo(new FieldError("actions.categoryId", "must be a UUID"));
    }

    @Test
    void tagsAreAtMostTwentyOfAtMostFiftyCharacters() {
        assertThat(error(with(b -> ((ObjectNode) b.get("actions")).put("tags", "x"))).field())
                .isEqualTo("actions.tags");
        assertThat(error(with(b -> {
            ArrayNode tags = ((ObjectNode) b.get("actions")).putArray("tags");
            for (int i = 0; i < 21; i++) {
                tags.add("t" + i);
            }
        })).field()).isEqualTo("actions.tags");
        assertThat(error(with(b -> ((ObjectNode) b.get("actions")).putArray("tags").add("ok").add("x".repeat(51))))
                .field()).isEqualTo("actions.tags[1]");
        assertThat(error(with(b -> ((ObjectNode) b.get("actions")).putArray("tags").add(" "))).field())
                .isEqualTo("actions.tags[0]");
        assertThat(RuleParser.parse(with(b -> ((ObjectNode) b.get("actions")).putArray("tags").add(" a ").add("a")))
                .actions().tags()).containsExactly("a");
    }

    @Test
    void unknownFieldsAreNamed() {
        assertThat(error(with(b -> b.put("enabled", true)))).isEqualTo(new FieldError("enabled", "is not a known field"));
        assertThat(error(with(b -> ((ObjectNode) b.get("actions")).put("color", "red"))).field())
                .isEqualTo("actions.color");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ObjectNode body = with(b -> {
            b.remove("name");
            b.put("priority", -5);
            condition(b).put("operator", "gt");
        });

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> RuleParser.parse(body));

        assertThat(e.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("name", "priority", "conditions[0].operator");
    }

    @Test
    void aBodyThatIsNotAnObjectIsMalformed() throws Exception {
        assertThat(catchThrowableOfType(MalformedRequestException.class, () -> RuleParser.parse(readTree("[1]"))))
                .isNotNull();
    }

    private static JsonNode readTree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
