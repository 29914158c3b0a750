package io.ganaka.api.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ganaka.api.Ids;
import io.ganaka.api.http.JsonFields;
import io.ganaka.schemas.rules.RuleDefinition;
import io.ganaka.schemas.rules.RuleDefinition.RuleActions;
import io.ganaka.schemas.rules.RuleDefinition.RuleCondition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads a rule body ({@code name, priority, match, conditions, actions, stopProcessing}) into a {@link RuleDefinition},
 * reporting every problem at once with the path of its field ({@code conditions[1].operator}, {@code actions.tags[0]}).
 * Conditions are read by {@link ConditionParser}.
 */
public final class RuleParser {

    public static final int MAX_NAME = 100;
    public static final int MIN_PRIORITY = 0;
    public static final int MAX_PRIORITY = 10_000;
    public static final int MAX_CONDITIONS = 20;
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG = 50;

    private static final Set<String> KEYS = Set.of("name", "priority", "match", "conditions", "actions",
            "stopProcessing");
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
            conditions.add(ConditionParser.parse(fields, node.get(i), "conditions[" + i + "]"));
        }
        return conditions;
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

    /** Records every key of the object that is not one of {@code known}, named with its path. */
    static void rejectUnknown(JsonFields fields, ObjectNode object, Set<String> known, String prefix) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                fields.reject(prefix + name, "is not a known field");
            }
        }
    }
}
