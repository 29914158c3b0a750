package io.ganaka.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ganaka.api.errors.FieldError;
import io.ganaka.api.errors.MalformedRequestException;
import io.ganaka.api.errors.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the fields of a JSON request object while collecting every field error, so that one 400 lists all
 * problems at once. Getters return null for a missing or invalid field; call {@link #throwIfInvalid()} at the end.
 */
public final class JsonFields {

    private final ObjectNode body;
    private final List<FieldError> errors = new ArrayList<>();

    private JsonFields(ObjectNode body) {
        this.body = body;
    }

    /** @throws MalformedRequestException when the body is not a JSON object */
    public static JsonFields of(JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            throw new MalformedRequestException("request body must be a JSON object");
        }
        return new JsonFields(object);
    }

    /** A required string, stripped of surrounding whitespace, 1..maxLength characters. */
    public String requiredText(String field, int maxLength) {
        String value = text(field, true);
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            return reject(field, "must not be blank");
        }
        return checkLength(field, stripped, 1, maxLength);
    }

    /** A required string taken exactly as sent (passwords), minLength..maxLength characters. */
    public String requiredRawText(String field, int minLength, int maxLength) {
        String value = text(field, true);
        return value == null ? null : checkLength(field, value, minLength, maxLength);
    }

    /** An optional string, stripped; null when absent, null or blank. */
    public String optionalText(String field, int maxLength) {
        String value = text(field, false);
        if (value == null || value.isBlank()) {
            return null;
        }
        return checkLength(field, value.strip(), 1, maxLength);
    }

    /** The raw node of a field; null when absent or JSON null. */
    public JsonNode node(String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node;
    }

    /** Records an error for a field and returns null, so parsers can {@code return fields.reject(...)}. */
    public <T> T reject(String field, String message) {
        errors.add(new FieldError(field, message));
        return null;
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private String text(String field, boolean required) {
        JsonNode node = node(field);
        if (node == null) {
            return required ? reject(field, "is required") : null;
        }
        if (!node.isTextual()) {
            return reject(field, "must be a string");
        }
        return node.textValue();
    }

    private String checkLength(String field, String value, int min, int max) {
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            return reject(field, min == max ? "must be " + min + " characters"
                    : "must be " + min + " to " + max + " characters long");
        }
        return value;
    }
}
