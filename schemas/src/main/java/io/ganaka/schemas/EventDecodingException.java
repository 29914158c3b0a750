package io.ganaka.schemas;

/** Thrown when bytes that should hold an event do not; consumers route such records to the dead-letter topic. */
public class EventDecodingException extends RuntimeException {

    public EventDecodingException(String message) {
        super(message);
    }

    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
