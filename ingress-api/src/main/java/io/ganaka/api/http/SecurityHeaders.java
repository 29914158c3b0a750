package io.ganaka.api.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The security headers every response carries, errors and 404s included, set before any handler runs. Handlers
 * that serve something other than JSON (the dashboard page) replace {@code Cache-Control} and the CSP themselves.
 */
public final class SecurityHeaders {

    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
    static final String HSTS = "max-age=31536000; includeSubDomains";

    /** The headers for a request that came in over the given scheme ({@code http} or {@code https}). */
    public static Map<String, String> forScheme(String scheme) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cache-Control", "no-store");
        headers.put("Content-Security-Policy", API_CSP);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        // Only the scheme the server itself saw: X-Forwarded-Proto could be sent by anyone reaching the port directly.
        if ("https".equalsIgnoreCase(scheme)) {
            headers.put("Strict-Transport-Security", HSTS);
        }
        return headers;
    }

    public void apply(Context ctx) {
        forScheme(ctx.scheme()).forEach(ctx::header);
    }
}
