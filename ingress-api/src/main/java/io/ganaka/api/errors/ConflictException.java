package io.ganaka.api.errors;

/**
 * The request clashes with the current state of the caller's data (a category name already taken, an import already
 * running, an idempotency key still in use); answered 409 with a problem type of its own.
 *
 * @param type  the problem type slug, e.g. {@code category-name-taken}
 */
public final class ConflictException extends RuntimeException {

    private final String type;

    public ConflictException(String type, String detail) {
        super(detail);
        this.type = type;
    }

    public String type() {
        return type;
    }
}
