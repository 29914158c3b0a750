package io.ganaka.api.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ganaka.api.http.JsonFields;
import io.ganaka.schemas.rules.Conditions;
import io.ganaka.schemas.rules.RuleDefinition.RuleCondition;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * Reads one rule condition {@code {field, operator, value}}: fields and operators are the ones the engine's
 * {@link Conditions} understand, the operator must suit the field, an amount value is a decimal and a regex compiles.
 */
final class ConditionParser {

    static final int MAX_VALUE = 500;
    private static final Set<String> KEYS = Set.of("field", "operator", "value");

    private ConditionParser() {}

    /** The condition at {@code path} (e.g. {@code conditions[0]}), or null with its errors recorded. */
    static RuleCondition parse(JsonFields fields, JsonNode node, String path) {
        if (!(node instanceof ObjectNode object)) {
            return fields.reject(path, "must be an object with field, operator and value");
        }
        RuleParser.rejectUnknown(fields, object, KEYS, path + ".");
        String field = text(fields, object, "field", path);
        String operator = text(fields, object, "operator", path);
        String value = value(fields, object.get("value"), path, Conditions.AMOUNT_FIELD.equals(field));
        if (field != null && !Conditions.TEXT_FIELDS.contains(field) && !Conditions.AMOUNT_FIELD.equals(field)) {
            return fields.reject(path + ".field", "must be description, merchant or amount");
        }
        if (field == null || operator == null) {
            return null;
        }
        boolean amount = Conditions.AMOUNT_FIELD.equals(field);
        if (amount && !Conditions.AMOUNT_OPERATORS.contains(operator)) {
            return fields.reject(path + ".operator", "must be gt, gte, lt, lte or equals for amount");
        }
        if (!amount && !Conditions.TEXT_OPERATORS.contains(operator)) {
            return fields.reject(path + ".operator", "must be contains, startsWith, equals or regex for " + field);
        }
        if (value == null) {
            return null;
        }
        if (value.isBlank() || value.codePointCount(0, value.length()) > MAX_VALUE) {
            return fields.reject(path + ".value", "must be 1 to " + MAX_VALUE + " characters, not blank");
        }
        if (amount) {
            Optional<BigDecimal> decimal = Conditions.decimal(value.strip());
            if (decimal.isEmpty()) {
                return fields.reject(path + ".value", "must be a decimal such as \"12.34\" for amount");
            }
            return new RuleCondition(field, operator, decimal.get().toPlainString());
        }
        if (operator.equals("regex")) {
            try {
                Conditions.regex(value);
            } catch (PatternSyntaxException e) {
                // The description says what is wrong without echoing the whole pattern back.
                return fields.reject(path + ".value", "is not a valid regular expression: " + e.getDescription()
                        + " near index " + e.getIndex());
            }
        }
        return new RuleCondition(field, operator, value);
    }

    /** The value of a condition as text; an amount may also be given as a JSON number, read exactly. */
    private static String value(JsonFields fields, JsonNode node, String path, boolean amount) {
        if (amount && node != null && (node.isIntegralNumber() || node.isBigDecimal())) {
            BigDecimal number = node.decimalValue();
            // 1e999999 is a valid JSON number whose plain form is a million digits: refuse it before writing it out.
            if (number.precision() - number.scale() > 20 || number.scale() > 20) {
                return fields.reject(path + ".value", "must be a decimal such as \"12.34\" for amount");
            }
            return number.toPlainString();
        }
        if (node == null || node.isNull()) {
            return fields.reject(path + ".value", "is required");
        }
        if (!node.isTextual()) {
            return fields.reject(path + ".value", amount ? "must be a decimal such as \"12.34\"" : "must be a string");
        }
        return node.textValue();
    }

    /** A required string member of a nested object, or null (with the error recorded). */
    private static String text(JsonFields fields, ObjectNode object, String key, String path) {
        JsonNode node = object.get(key);
        if (node == null || node.isNull()) {
            return fields.reject(path + "." + key, "is required");
        }
        if (!node.isTextual()) {
            return fields.reject(path + "." + key, "must be a string");
        }
        return node.textValue();
    }
}
