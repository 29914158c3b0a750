package io.ganaka.api.users;

/** What account deletion does to a user's sessions: retire them all, then, once the account is gone, forget them. */
public interface SessionEnder {

    /** Ends every session and retires every access token issued so far; the user may still sign in again. */
    void endAllSessions(String userId);

    /**
     * After the account is gone: deletes what is still stored of the user's sessions and refuses any token of the
     * user, even one issued while the deletion was under way.
     */
    void forget(String userId);
}
