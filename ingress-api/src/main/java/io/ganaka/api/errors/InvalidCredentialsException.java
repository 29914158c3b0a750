package io.ganaka.api.errors;

/** Unknown e-mail or wrong password; deliberately one exception, so both produce the same answer. */
public final class InvalidCredentialsException extends RuntimeException {

    public InvalidCredentialsException() {
        super("invalid credentials");
    }
}
