package io.ganaka.api.http;

import java.time.Duration;
import java.util.Map;

/**
 * Remembers, per scoped {@code Idempotency-Key}, either that a request holds the key right now or the answer it gave.
 * Every operation is atomic, so that of many concurrent requests with one key exactly one runs.
 */
public interface IdempotencyStore {

    /**
     * Takes the key for a new request (held for {@code lease}), or tells who holds it.
     *
     * @param fingerprint what identifies the request (method, path, body), kept to tell a retry from a misuse
     */
    Claim claim(String key, String fingerprint, Duration lease);

    /** Replaces this claim by the answer, kept for {@code ttl}; false when the claim had lapsed meanwhile. */
    boolean complete(String key, Claimed claim, StoredAnswer answer, Duration ttl);

    /** Gives the key up again (the request failed), if this claim still holds it. */
    void release(String key, Claimed claim);

    /** What {@link #claim} found. */
    sealed interface Claim permits Claimed, InProgress, Completed {}

    /** The key is now this request's; {@code token} is opaque to callers. */
    record Claimed(String token) implements Claim {}

    /** Another request with this key is running. */
    record InProgress(String fingerprint) implements Claim {}

    /** A request with this key already succeeded with this answer. */
    record Completed(StoredAnswer answer) implements Claim {}

    /** A successful answer as it will be replayed: status, the headers that describe the body, and the body. */
    record StoredAnswer(String fingerprint, int status, Map<String, String> headers, String body) {

        public StoredAnswer {
            headers = Map.copyOf(headers);
        }
    }
}
