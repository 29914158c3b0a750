package io.ganaka.api.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CORS from a fixed allowlist of exact origins. An allowed origin gets its own value back (never {@code *}, never a
 * reflected unknown origin, never {@code null}); any other origin gets no CORS headers, and its preflight a 403.
 * With an empty allowlist the API sends no CORS headers at all.
 */
public final class Cors {

    static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Idempotency-Key, If-Match, Prefer, X-Request-Id";
    static final String EXPOSED_HEADERS =
            "Location, ETag, X-Request-Id, Retry-After, Preference-Applied, Idempotency-Replayed";
    static final String MAX_AGE_SECONDS = "600";

    private final Set<String> allowedOrigins;

    public Cors(List<String> allowedOrigins) {
        // "null" is what sandboxed frames and file:// pages send; allowing it would allow all of them.
        this.allowedOrigins = Set.copyOf(allowedOrigins.stream().filter(o -> !o.equals("null")).toList());
    }

    public boolean allows(String origin) {
        return origin != null && allowedOrigins.contains(origin);
    }

    /** Headers for an ordinary (non-preflight) request from this origin; empty when it is not allowed. */
    public Map<String, String> responseHeaders(String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!allowedOrigins.isEmpty()) {
            // The answer depends on Origin whenever CORS is on, so shared caches must key on it.
            headers.put("Vary", "Origin");
        }
        if (allows(origin)) {
            headers.put("Access-Control-Allow-Origin", origin);
            headers.put("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
        return headers;
    }

    /** Headers answering a preflight from an allowed origin. */
    public Map<String, String> preflightHeaders(String origin) {
        Map<String, String> headers = responseHeaders(origin);
        headers.put("Access-Control-Allow-Methods", ALLOWED_METHODS);
        headers.put("Access-Control-Allow-Headers", ALLOWED_HEADERS);
        headers.put("Access-Control-Max-Age", MAX_AGE_SECONDS);
        return headers;
    }

    /** Before every request: decorate allowed requests, answer preflights, refuse preflights of other origins. */
    public void handle(Context ctx) {
        String origin = ctx.header("Origin");
        boolean preflight = ctx.method() == HandlerType.OPTIONS
                && ctx.header("Access-Control-Request-Method") != null;
        if (!preflight) {
            responseHeaders(origin).forEach(ctx::header);
            return;
        }
        if (!allows(origin)) {
            throw new OriginNotAllowedException();
        }
        preflightHeaders(origin).forEach(ctx::header);
        ctx.status(204);
        ctx.skipRemainingHandlers();
    }
}
