package io.ganaka.api.users;

/** Ends every live session of a user (refresh tokens and whatever else keeps them signed in), e.g. on deletion. */
public interface SessionEnder {

    void endAllSessions(String userId);
}
