package io.ganaka.api.errors;

/** A change that must name the version it replaces came without {@code If-Match}; answered 428 (RFC 6585). */
public final class PreconditionRequiredException extends RuntimeException {

    public PreconditionRequiredException(String detail) {
        super(detail);
    }
}
