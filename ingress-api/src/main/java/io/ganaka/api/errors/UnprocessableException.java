package io.ganaka.api.errors;

import java.util.List;

/**
 * The request is well-formed but refers to something the caller cannot use (e.g. a category that is not theirs);
 * answered 422 with the offending fields.
 */
public final class UnprocessableException extends RuntimeException {

    private final List<FieldError> errors;

    public UnprocessableException(String field, String message) {
        super("unprocessable request: " + field + " " + message);
        this.errors = List.of(new FieldError(field, message));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
