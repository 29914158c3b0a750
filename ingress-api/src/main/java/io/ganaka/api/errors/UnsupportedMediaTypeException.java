package io.ganaka.api.errors;

/** The body is declared as something other than JSON; answered 415. */
public final class UnsupportedMediaTypeException extends RuntimeException {

    public UnsupportedMediaTypeException(String contentType) {
        super("expected application/json, got " + (contentType == null ? "no content type" : contentType));
    }
}
