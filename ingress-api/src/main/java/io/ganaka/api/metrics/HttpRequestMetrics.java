package io.ganaka.api.metrics;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.Set;

/**
 * The duration of every HTTP request by method, route template and status, recorded when Javalin logs the request.
 * The route is the template ({@code /expenses/{id}}), never the raw path, so ids cannot multiply the series; a request
 * that matched no route counts as {@code unmatched}, and a method outside the standard ones as {@code OTHER}.
 * Requests the admission control sheds never reach Javalin; they are counted apart, by method.
 */
public final class HttpRequestMetrics {

    static final String UNMATCHED = "unmatched";
    private static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

    private final Histogram duration;
    private final Counter shed;

    public HttpRequestMetrics(PrometheusRegistry registry) {
        duration = Histogram.builder()
                .name("http_server_request_duration_seconds")
                .help("Time from receiving an HTTP request to finishing its response, by route template and status")
                .unit(Unit.SECONDS)
                .labelNames("method", "route", "status")
                .classicOnly()
                .register(registry);
        shed = Counter.builder()
                .name("http_server_requests_shed_total")
                .help("Requests answered 503 by the admission control: no slot free and the queue full, or the wait for"
                        + " a slot expired")
                .labelNames("method")
                .register(registry);
        // Present from the start, so a rate over them is 0 rather than absent until the first overload.
        for (String method : new String[] {"GET", "POST", "PUT", "PATCH", "DELETE"}) {
            shed.labelValues(method);
        }
    }

    /** A request shed before routing; {@code method} as the client sent it. */
    public void shed(String method) {
        shed.labelValues(methodLabel(method)).inc();
    }

    /** A Javalin {@code RequestLogger}: called once per request with its execution time in milliseconds. */
    public void record(Context ctx, Float executionMillis) {
        duration.labelValues(methodLabel(ctx.method().name()), route(ctx), Integer.toString(ctx.statusCode()))
                .observe(executionMillis / 1_000.0);
    }

    private static String methodLabel(String method) {
        return METHODS.contains(method) ? method : "OTHER";
    }

    private static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint == null ? UNMATCHED : endpoint.path;
    }
}
