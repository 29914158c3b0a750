package io.ganaka.api.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ganaka.api.errors.FieldError;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A JSON object read field by field under a key path such as {@code preferences.notifications.sms}, collecting
 * errors into a shared list; whatever key was never asked for is reported as unknown by {@link #rejectUnknownKeys()}.
 */
final class StrictObject {

    private final ObjectNode node;
    private final String path;
    private final List<FieldError> errors;
    private final Set<String> known = new HashSet<>();

    StrictObject(ObjectNode node, String path, List<FieldError> errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    /** The value of a key, or null when absent or JSON null; marks the key as known. */
    JsonNode get(String key) {
        known.add(key);
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value;
    }

    /** The nested object at a key, or null when absent (fine) or not an object (recorded as an error). */
    StrictObject object(String key) {
        JsonNode value = get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof ObjectNode object)) {
            return reject(key, "must be an object");
        }
        return new StrictObject(object, path(key), errors);
    }

    /** A string at a key, or null when absent or not a string (recorded as an error). */
    String text(String key) {
        JsonNode value = get(key);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            return reject(key, "must be a string");
        }
        return value.textValue();
    }

    /** A boolean at a key, or the default when absent; a non-boolean is recorded as an error. */
    boolean bool(String key, boolean absent) {
        JsonNode value = get(key);
        if (value == null) {
            return absent;
        }
        if (!value.isBoolean()) {
            reject(key, "must be true or false");
            return absent;
        }
        return value.booleanValue();
    }

    /** The full path of a key of this object, as error messages name it. */
    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Records an error for a key of this object and returns null, so readers can {@code return reject(...)}. */
    <T> T reject(String key, String message) {
        return rejectPath(path(key), message);
    }

    <T> T rejectPath(String fullPath, String message) {
        errors.add(new FieldError(fullPath, message));
        return null;
    }

    List<FieldError> errors() {
        return errors;
    }

    /** Reports every key of the object that no reader asked for; call after reading all known keys. */
    void rejectUnknownKeys() {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                reject(name, "is not a known field");
            }
        }
    }
}
