package io.ganaka.api.http;

import io.ganaka.auth.Principal;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refused accesses as security events on the {@code security} logger, in the same {@code event=… key=value} shape as
 * the account events ({@code io.ganaka.api.auth.SecurityLog}). Never a header value, token or password.
 */
public final class AccessRefusalLog {

    private static final Logger LOG = LoggerFactory.getLogger("security");

    private AccessRefusalLog() {}

    /**
     * A request refused for want of a valid token, logged once by the access check, which alone knows why;
     * {@code reason} is a fixed word (no-token, invalid-token, revoked-token), never the token itself.
     */
    public static void unauthenticated(Context ctx, String reason, String userId) {
        LOG.info("event=access.refused status=401 method={} path={} reason={} userId={} requestId={} ip={}",
                ctx.method(), ctx.path(), reason, userId, Requests.requestId(ctx), ctx.req().getRemoteAddr());
    }

    /** An authenticated caller asked for something that is not theirs or does not exist; both answer 404. */
    public static void notFound(Context ctx) {
        Principal principal = Requests.optionalPrincipal(ctx);
        if (principal == null) {
            return;
        }
        LOG.warn("event=access.refused status=404 method={} path={} userId={} requestId={}", ctx.method(), ctx.path(),
                principal.userId(), Requests.requestId(ctx));
    }

    /** A CORS preflight from an origin outside the allowlist. */
    public static void originRefused(Context ctx) {
        LOG.info("event=access.refused status=403 preflight path={} reason=\"origin outside CORS_ORIGINS\" requestId={}",
                ctx.path(), Requests.requestId(ctx));
    }
}
