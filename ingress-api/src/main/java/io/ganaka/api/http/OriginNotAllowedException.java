package io.ganaka.api.http;

/** A CORS preflight from an origin that is not on the {@code CORS_ORIGINS} allowlist; answered 403. */
public final class OriginNotAllowedException extends RuntimeException {

    public OriginNotAllowedException() {
        super("CORS preflight from an origin outside the allowlist");
    }
}
