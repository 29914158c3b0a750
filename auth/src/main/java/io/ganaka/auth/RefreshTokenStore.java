package io.ganaka.auth;

import java.util.Optional;

/** Opaque, long-lived refresh tokens. Only a digest of each token is stored, never the token itself. */
public interface RefreshTokenStore {

    /** Issues a new token starting a new family and returns the token text to hand to the client. */
    String issue(String userId);

    /** The record of a live token; empty when unknown, expired or revoked. */
    Optional<RefreshTokenRecord> find(String token);

    /** Forgets a token; a no-op for an unknown one. */
    void revoke(String token);
}
