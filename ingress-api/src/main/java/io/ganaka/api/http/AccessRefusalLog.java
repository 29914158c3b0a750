package io.ganaka.api.http;

import io.ganaka.auth.Principal;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Security events on the {@code security} logger, so they can be routed and alerted on apart from the rest.
 * Lines name the method, route, request id and user, never a header value, token or password.
 */
public final class SecurityLog {

    private static final Logger LOG = LoggerFactory.getLogger("security");

    private SecurityLog() {}

    /** A request refused for want of a valid token; {@code reason} is a fixed phrase, never the token itself. */
    public static void unauthenticated(Context ctx, String reason) {
        LOG.info("access refused: 401 {} {} ({}), request {}", ctx.method(), ctx.path(), reason,
                Requests.requestId(ctx));
    }

    /** An authenticated caller asked for something that is not theirs or does not exist; both answer 404. */
    public static void notFound(Context ctx) {
        Principal principal = Requests.optionalPrincipal(ctx);
        if (principal == null) {
            return;
        }
        LOG.warn("access refused: 404 {} {} for user {}, request {}", ctx.method(), ctx.path(), principal.userId(),
                Requests.requestId(ctx));
    }

    /** A CORS preflight from an origin outside the allowlist. */
    public static void originRefused(Context ctx) {
        LOG.info("access refused: 403 preflight {} from an origin outside CORS_ORIGINS, request {}", ctx.path(),
                Requests.requestId(ctx));
    }
}
