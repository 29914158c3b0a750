package io.ganaka.auth;

import java.time.Instant;

/**
 * Sign-in sessions: rotating refresh tokens grouped in families (one family per login), a denylist of access
 * token ids, and a per-user generation that retires every access token issued before a sign-out of all sessions.
 * Only digests of refresh tokens are stored, never the tokens.
 */
public interface SessionStore {

    /** Starts a new family for a fresh login and returns its first refresh token. */
    NewSession start(String userId);

    /**
     * Exchanges a refresh token for the next one of its family, atomically, so that of two concurrent uses exactly
     * one wins. Presenting a token that was already exchanged ends its whole family.
     */
    Rotation rotate(String refreshToken);

    /** Ends one family (the caller's session) if it belongs to the user; a no-op otherwise. */
    void endSession(String userId, String sessionId);

    /** The family of a live or rotated refresh token, when it belongs to the user. */
    java.util.Optional<String> sessionOf(String userId, String refreshToken);

    /** Refuses the access token with this id until it expires anyway. */
    void denyAccessToken(String tokenId, Instant expiresAt);

    /** Ends every family of the user and retires all access tokens issued so far; returns the new generation. */
    long endAllSessions(String userId);

    /** Ends every session and deletes every key holding the user's session data (for account deletion). */
    void endAllSessionsAndForget(String userId);

    /**
     * True when this verified access token was signed out, retired by a newer generation, or its user erased, or when
     * the session it names is no longer stored (fail closed: a store that lost its data refuses every token).
     */
    boolean isRevoked(Principal principal);

    /** A started session: its family id (the {@code sid} of its access tokens), refresh token and generation. */
    record NewSession(String sessionId, String refreshToken, long generation) {}

    /** What a refresh attempt came to. */
    sealed interface Rotation {

        /** The token was live; here is its successor. */
        record Rotated(String userId, String sessionId, String refreshToken, long generation) implements Rotation {}

        /** The token had already been exchanged: its family has now been ended. */
        record Reused(String userId, String sessionId) implements Rotation {}

        /** Never issued, expired, signed out, or lost with Redis's data: the client must sign in again. */
        record Unknown() implements Rotation {}
    }
}
