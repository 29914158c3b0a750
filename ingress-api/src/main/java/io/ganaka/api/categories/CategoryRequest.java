package io.ganaka.api.categories;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.api.http.JsonFields;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated category body for {@code POST} and {@code PUT /categories}: name 1..60 characters (trimmed, no control
 * characters), description up to 500, colour {@code #rrggbb} (stored lower-case). Every problem is reported in one
 * 400, unknown fields included, so a typo such as {@code colour} is not silently dropped.
 */
public record CategoryRequest(String name, String description, String color) {

    public static final int MAX_NAME = 60;
    public static final int MAX_DESCRIPTION = 500;
    private static final Set<String> FIELDS = Set.of("name", "description", "color");
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    public static CategoryRequest from(JsonNode body) {
        JsonFields fields = JsonFields.of(body);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                fields.reject(name, "is not a known field");
            }
        }
        String name = fields.requiredText("name", MAX_NAME);
        if (name != null && name.codePoints().anyMatch(Character::isISOControl)) {
            name = fields.reject("name", "must not contain control characters");
        }
        String description = fields.optionalText("description", MAX_DESCRIPTION);
        String color = color(fields);
        fields.throwIfInvalid();
        return new CategoryRequest(name, description, color);
    }

    private static String color(JsonFields fields) {
        JsonNode node = fields.node("color");
        if (node == null) {
            return null;
        }
        if (!node.isTextual() || !COLOR.matcher(node.textValue()).matches()) {
            return fields.reject("color", "must be a colour as #rrggbb, e.g. #8a5a44");
        }
        return node.textValue().toLowerCase(Locale.ROOT);
    }
}
