package io.ganaka.api.imports;

/** The file as a whole cannot be read as its format (an unterminated quote, no transactions list); the import fails. */
public final class MalformedFileException extends RuntimeException {

    public MalformedFileException(String reason) {
        super(reason);
    }

    public MalformedFileException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
