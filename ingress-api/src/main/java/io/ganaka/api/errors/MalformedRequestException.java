package io.ganaka.api.errors;

/** The body is not parseable JSON (or not JSON of the expected shape at all); answered 400. */
public final class MalformedRequestException extends RuntimeException {

    public MalformedRequestException(String message) {
        super(message);
    }
}
