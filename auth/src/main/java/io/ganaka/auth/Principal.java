package io.ganaka.auth;

import java.time.Instant;

/**
 * Who is calling, as proven by a verified access token. {@code sessionId} is the refresh-token family the token
 * belongs to (empty when none) and {@code generation} the user's session generation when it was issued; a
 * sign-out of every session raises the generation and so retires all tokens issued before.
 */
public record Principal(String userId, String role, String tokenId, Instant expiresAt, String sessionId,
                        long generation) {

    public Principal(String userId, String role, String tokenId, Instant expiresAt) {
        this(userId, role, tokenId, expiresAt, "", 0);
    }
}
