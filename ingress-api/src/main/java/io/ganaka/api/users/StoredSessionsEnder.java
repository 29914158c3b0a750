package io.ganaka.api.users;

import io.ganaka.auth.SessionStore;

/** Account deletion's view of the session store. */
public record StoredSessionsEnder(SessionStore store) implements SessionEnder {

    @Override
    public void endAllSessions(String userId) {
        store.endAllSessions(userId);
    }

    @Override
    public void forget(String userId) {
        store.endAllSessionsAndForget(userId);
    }
}
