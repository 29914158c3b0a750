package io.ganaka.api.http;

import io.ganaka.api.errors.FieldError;
import io.ganaka.api.errors.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads a request's query parameters while collecting every problem, like {@link JsonFields} does for bodies: each
 * parameter may be given once and not empty, and a parameter the endpoint does not know is refused, so that a typo
 * such as {@code catgoryId} never silently widens a list. Field errors name the parameter.
 */
public final class QueryParameters {

    private final Map<String, List<String>> values;
    private final List<FieldError> errors = new ArrayList<>();

    private QueryParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    /** The parameters of a request, of which only {@code known} are accepted. */
    public static QueryParameters of(Map<String, List<String>> values, Set<String> known) {
        QueryParameters parameters = new QueryParameters(Map.copyOf(values));
        for (String name : new TreeSet<>(values.keySet())) {
            if (!known.contains(name)) {
                parameters.reject(name, "is not a parameter of this endpoint (known: " + String.join(", ",
                        new TreeSet<>(known)) + ")");
            }
        }
        return parameters;
    }

    /** The one value of a parameter; null when it is absent, or when it is repeated or empty (both rejected). */
    public String single(String name) {
        List<String> given = values.get(name);
        if (given == null || given.isEmpty()) {
            return null;
        }
        if (given.size() > 1) {
            return reject(name, "must be given at most once");
        }
        String value = given.get(0);
        if (value == null || value.isBlank()) {
            return reject(name, "must not be empty");
        }
        return value.strip();
    }

    /** The page size {@code limit}: {@code byDefault} when absent, else digits only from 1 to {@code max}. */
    public int limit(int byDefault, int max) {
        String value = single("limit");
        if (value == null) {
            return byDefault;
        }
        // Digits only, and few of them: Integer.parseInt would take "+5" and overflow is its own error.
        int limit = value.matches("\\d{1,3}") ? Integer.parseInt(value) : -1;
        if (limit < 1 || limit > max) {
            reject("limit", "must be an integer from 1 to " + max);
        }
        return limit;
    }

    /** The list's {@code cursor} as {@code decode} reads it; null when absent, or refused when it reads none. */
    public <C> C cursor(Function<String, Optional<C>> decode) {
        String value = single("cursor");
        if (value == null) {
            return null;
        }
        return decode.apply(value).orElseGet(() -> reject("cursor",
                "is not a cursor of this list; pass nextCursor from the previous page unchanged"));
    }

    /** Records an error for a parameter and returns null, so parsers can {@code return parameters.reject(...)}. */
    public <T> T reject(String name, String message) {
        errors.add(new FieldError(name, message));
        return null;
    }

    /** True when no error was recorded for this parameter (so a dependent check is worth making). */
    public boolean isValid(String name) {
        return errors.stream().noneMatch(e -> e.field().equals(name));
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
