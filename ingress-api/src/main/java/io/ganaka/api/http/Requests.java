package io.ganaka.api.http;

import io.ganaka.api.errors.UnauthenticatedException;
import io.ganaka.auth.Principal;
import io.ganaka.schemas.Correlation;
import io.ganaka.schemas.EventIds;
import io.javalin.http.Context;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/** What the request-level handlers attach to a request (request id, principal) and how handlers read it back. */
public final class Requests {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final String REQUEST_ID = "ganaka.requestId";
    private static final String PRINCIPAL = "ganaka.principal";
    /** What we accept as a caller's request id: short and log-safe (no spaces, quotes or control characters). */
    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private Requests() {}

    /**
     * Before every request: adopt a sane caller-supplied request id or make one, and echo it back. It is the
     * correlation id of the request's log lines (in the MDC until {@link RequestLog} has written the request's line)
     * and of every event the request publishes.
     */
    public static void assignRequestId(Context ctx) {
        String given = ctx.header(REQUEST_ID_HEADER);
        String id = given != null && SANE_REQUEST_ID.matcher(given).matches() ? given : EventIds.newId();
        ctx.attribute(REQUEST_ID, id);
        ctx.header(REQUEST_ID_HEADER, id);
        MDC.put(Correlation.MDC_KEY, id);
    }

    public static String requestId(Context ctx) {
        String id = ctx.attribute(REQUEST_ID);
        return id == null ? "unknown" : id;
    }

    static void setPrincipal(Context ctx, Principal principal) {
        ctx.attribute(PRINCIPAL, principal);
    }

    /** The caller proven by the access check, or null on public routes and before the check ran. */
    public static Principal optionalPrincipal(Context ctx) {
        return ctx.attribute(PRINCIPAL);
    }

    /** The caller proven by the access check; only called from routes that require it. */
    public static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            throw new UnauthenticatedException("route used without the access check");
        }
        return principal;
    }
}
