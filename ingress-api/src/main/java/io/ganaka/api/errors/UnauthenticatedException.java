package io.ganaka.api.errors;

/** No usable access token on a protected route; answered 401 with {@code WWW-Authenticate: Bearer}. */
public final class UnauthenticatedException extends RuntimeException {

    public UnauthenticatedException(String message) {
        super(message);
    }
}
