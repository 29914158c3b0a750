package io.ganaka.api.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ganaka.api.Ids;
import io.ganaka.api.http.JsonFields;
import io.ganaka.schemas.rules.Conditions;
import io.ganaka.schemas.rules.RuleDefinition;
import io.ganaka.schemas.rules.RuleDefinition.RuleActions;
import io.ganaka.schemas.rules.RuleDefinition.RuleCondition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a rule body ({@code name, priority, match, conditions, actions, stopProcessing}) into a {@link RuleDefinition},
 * reporting every problem at once with the path of its field ({@code conditions[1].operator}, {@code actions.tags[0]}).
 * Fields and operators are the ones the {@link Conditions} of the rule engine understand.
 */
public final class RuleParser {

    public static final int MAX_NAME = 100;
    public static final int MIN_PRIORITY = 0;
    public static final int MAX_PRIORITY = 10_000;
    public static final int MAX_CONDITIONS = 20;
    public static final int MAX_VALUE = 500;
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG = 50;

    private static final Set<String> KEYS = Set.of("name", "priority", "match", "conditions", "actions",
            "stopProcessing");
    private static final Set<String> CONDITION_KEYS = Set.of("field", "operator", "value");
    private static final Set<String> ACTION_KEYS = Set.of("categoryId", "tags");

    private RuleParser() {}

    /** @throws io.ganaka.api.errors.ValidationException listing every invalid field */
    public static RuleDefinition parse(JsonNode body) {
        JsonFields fields = JsonFields.of(body);
        rejectUnknown(fields, (ObjectNode) body, KEYS, "");
        String name = fields.requiredText("name", MAX_NAME);
        Integer priority = priority(fields);
        String match = match(fields);
        List<RuleCondition> conditions = conditions(fields);
        RuleActions actions = actions(fields);
        boolean stopProcessing = stopProcessing(fields);
        fields.throwIfInvalid();
        return new RuleDefinition(name, priority, match, conditions, actions, stopProcessing);
    }

    private static Integer priority(JsonFields fields) {
        JsonNode node = fields.node("priority");
        if (node == null) {
            return fields.reject("priority", "is required");
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()
                || node.intValue() < MIN_PRIORITY || node.intValue() > MAX_PRIORITY) {
            return fields.reject("priority", "must be a whole number from " + MIN_PRIORITY + " to " + MAX_PRIORITY);
        }
        return node.intValue();
    }

    private static String match(JsonFields fields) {
        JsonNode node = fields.node("match");
        if (node == null) {
            return "all"; // the common case: every condition must hold
        }
        if (!node.isTextual() || !(node.textValue().equals("all") || node.textValue().equals("any"))) {
            return fields.reject("match", "must be \"all\" or \"any\"");
        }
        return node.textValue();
    }

    private static boolean stopProcessing(JsonFields fields) {
        JsonNode node = fields.node("stopProcessing");
        if (node == null) {
            return false;
        }
        if (!node.isBoolean()) {
            fields.reject("stopProcessing", "must be true or false");
            return false;
        }
        return node.booleanValue();
    }

    private static List<RuleCondition> conditions(JsonFields fields) {
        JsonNode node = fields.node("conditions");
        if (node == null) {
            return fields.reject("conditions", "is required");
        }
        if (!node.isArray()) {
            return fields.reject("conditions", "must be an array of conditions");
        }
        if (node.isEmpty() || node.size() > MAX_CONDITIONS) {
            return fields.reject("conditions", "must have 1 to " + MAX_CONDITIONS + " conditions");
        }
        List<RuleCondition> conditions = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            conditions.add(condition(fields, node.get(i), "conditions[" + i + "]"));
        }
        return conditions;
    }

    private static RuleCondition condition(JsonFields fields, JsonNode node, String path) {
        if (!(node instanceof ObjectNode object)) {
            return fields.reject(path, "must be an object with field, operator and value");
        }
        rejectUnknown(fields, object, CONDITION_KEYS, path + ".");
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

    private static RuleActions actions(JsonFields fields) {
        JsonNode node = fields.node("actions");
        if (node == null) {
            return fields.reject("actions", "is required");
        }
        if (!(node instanceof ObjectNode object)) {
            return fields.reject("actions", "must be an object with categoryId and/or tags");
        }
        rejectUnknown(fields, object, ACTION_KEYS, "actions.");
        JsonNode categoryNode = object.get("categoryId");
        JsonNode tagsNode = object.get("tags");
        if ((categoryNode == null || categoryNode.isNull()) && (tagsNode == null || tagsNode.isNull()
                || (tagsNode.isArray() && tagsNode.isEmpty()))) {
            return fields.reject("actions", "must set a categoryId or at least one tag");
        }
        UUID categoryId = categoryId(fields, categoryNode);
        List<String> tags = tags(fields, tagsNode);
        return new RuleActions(categoryId == null ? null : categoryId.toString(), tags);
    }

    private static UUID categoryId(JsonFields fields, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        Optional<UUID> id = node.isTextual() ? Ids.parse(node.textValue()) : Optional.empty();
        return id.orElseGet(() -> fields.reject("actions.categoryId", "must be a UUID"));
    }

    private static List<String> tags(JsonFields fields, JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            return fields.<List<String>>reject("actions.tags", "must be an array of strings");
        }
        if (node.size() > MAX_TAGS) {
            return fields.<List<String>>reject("actions.tags", "must have at most " + MAX_TAGS + " entries");
        }
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode tag = node.get(i);
            String path = "actions.tags[" + i + "]";
            String stripped = tag.isTextual() ? tag.textValue().strip() : "";
            if (stripped.isEmpty()) {
                fields.reject(path, "must be a non-blank string");
            } else if (stripped.codePointCount(0, stripped.length()) > MAX_TAG) {
                fields.reject(path, "must be at most " + MAX_TAG + " characters long");
            } else if (!tags.contains(stripped)) {
                tags.add(stripped);
            }
        }
        return tags;
    }

    /** The value of a condition as text; an amount may also be given as a JSON number, read exactly. */
    private static String value(JsonFields fields, JsonNode node, String path, boolean amount) {
        if (amount && node != null && (node.isIntegralNumber() || node.isBigDecimal())) {
            return node.decimalValue().toPlainString();
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

    private static void rejectUnknown(JsonFields fields, ObjectNode object, Set<String> known, String prefix) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                fields.reject(prefix + name, "is not a known field");
            }
        }
    }
}
