package io.ganaka.api.errors;

/** An {@code If-Match} did not match the resource's current version; answered 412 with that version. */
public final class PreconditionFailedException extends RuntimeException {

    private final String currentETag;

    /** @param currentETag the resource's ETag now, sent back so the client can re-read and retry; may be null */
    public PreconditionFailedException(String detail, String currentETag) {
        super(detail);
        this.currentETag = currentETag;
    }

    public String currentETag() {
        return currentETag;
    }
}
