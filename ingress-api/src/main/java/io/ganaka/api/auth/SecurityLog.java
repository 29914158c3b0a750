package io.ganaka.api.auth;

import io.ganaka.auth.Digests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Security events on the logger {@code security}, one structured line each with the user id (or a digest of the
 * e-mail address when there is no account), request id and client address. Never a password or a token.
 */
public final class SecurityLog {

    private static final Logger LOG = LoggerFactory.getLogger("security");

    public void loginSucceeded(String userId, RequestOrigin origin) {
        LOG.info("event=login.success userId={} requestId={} ip={}", userId, origin.requestId(), origin.address());
    }

    public void loginFailed(String normalizedEmail, RequestOrigin origin) {
        LOG.info("event=login.failure account={} requestId={} ip={}", account(normalizedEmail), origin.requestId(),
                origin.address());
    }

    public void refused(String action, String reason, String userId, RequestOrigin origin) {
        LOG.warn("event={}.refused reason={} userId={} requestId={} ip={}", action, reason, userId,
                origin.requestId(), origin.address());
    }

    public void tokenReused(String userId, String sessionId, RequestOrigin origin) {
        LOG.warn("event=refresh.reuse userId={} sessionId={} requestId={} ip={} action=family-revoked", userId,
                sessionId, origin.requestId(), origin.address());
    }

    public void sessionsEnded(String scope, String userId, RequestOrigin origin) {
        LOG.info("event=logout scope={} userId={} requestId={} ip={}", scope, userId, origin.requestId(),
                origin.address());
    }

    public void passwordChanged(String userId, RequestOrigin origin) {
        LOG.info("event=password.changed userId={} requestId={} ip={}", userId, origin.requestId(), origin.address());
    }

    /** A short digest: enough to correlate attempts on one account in the logs without writing the address down. */
    public static String account(String normalizedEmail) {
        return Digests.sha256Hex(normalizedEmail).substring(0, 16);
    }
}
