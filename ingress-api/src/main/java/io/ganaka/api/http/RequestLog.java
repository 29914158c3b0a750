package io.ganaka.api.http;

import io.ganaka.schemas.Correlation;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One log line per HTTP request, with its request id as the correlation id: method, route template, status and time.
 * Probes ({@code /health}, {@code /ready}, {@code /metrics}) log at debug, so that health checks do not drown the rest.
 */
public final class RequestLog {

    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);
    private static final Set<String> PROBES = Set.of("/health", "/ready", "/metrics");

    private RequestLog() {}

    /** A Javalin {@code RequestLogger}; it also ends the request's MDC entry on this thread. */
    public static void record(Context ctx, Float executionMillis) {
        // Set again: an asynchronous handler may finish on another thread than the one that assigned the id.
        MDC.put(Correlation.MDC_KEY, Requests.requestId(ctx));
        try {
            Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
            String route = endpoint == null ? "unmatched" : endpoint.path;
            if (PROBES.contains(ctx.path())) {
                LOG.debug("{} {} {} {} ms", ctx.method(), route, ctx.statusCode(), Math.round(executionMillis));
            } else {
                LOG.info("{} {} {} {} ms", ctx.method(), route, ctx.statusCode(), Math.round(executionMillis));
            }
        } finally {
            MDC.remove(Correlation.MDC_KEY);
        }
    }
}
