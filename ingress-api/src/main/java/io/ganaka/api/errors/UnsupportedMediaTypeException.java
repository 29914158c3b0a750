package io.ganaka.api.errors;

/** The body is declared as something the route does not read (JSON, for most routes); answered 415. */
public final class UnsupportedMediaTypeException extends RuntimeException {

    private final String expected;

    public UnsupportedMediaTypeException(String contentType) {
        this(contentType, "application/json");
    }

    /** @param expected what the route reads, as the sentence "Send the body as ..." completes it */
    public UnsupportedMediaTypeException(String contentType, String expected) {
        super("expected " + expected + ", got " + (contentType == null ? "no content type" : contentType));
        this.expected = expected;
    }

    public String expected() {
        return expected;
    }
}
