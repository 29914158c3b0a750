package io.ganaka.api.metrics;

import io.javalin.http.Context;
import io.prometheus.metrics.exporter.common.PrometheusHttpExchange;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.exporter.common.PrometheusHttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Enumeration;

/**
 * A Javalin request seen as the Prometheus client's HTTP exchange. The body is collected and handed to Javalin as the
 * result, so that the request passes through Javalin's usual end (after-handlers, request logger, compression unless
 * the scrape handler already gzipped it).
 */
final class JavalinScrapeExchange implements PrometheusHttpExchange {

    private final Context ctx;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    JavalinScrapeExchange(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public PrometheusHttpRequest getRequest() {
        return new PrometheusHttpRequest() {
            @Override
            public String getQueryString() {
                return ctx.queryString();
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                Enumeration<String> values = ctx.req().getHeaders(name);
                return values != null ? values : Collections.emptyEnumeration();
            }

            @Override
            public String getMethod() {
                return ctx.method().name();
            }

            @Override
            public String getRequestPath() {
                return ctx.path();
            }
        };
    }

    @Override
    public PrometheusHttpResponse getResponse() {
        return new PrometheusHttpResponse() {
            @Override
            public void setHeader(String name, String value) {
                ctx.header(name, value);
            }

            @Override
            public OutputStream sendHeadersAndGetBody(int statusCode, int contentLength) {
                // Javalin sets Content-Length itself from the result.
                ctx.status(statusCode);
                return body;
            }
        };
    }

    /** Hands the collected body to Javalin. */
    void finish() {
        ctx.result(body.toByteArray());
    }

    @Override
    public void handleException(IOException e) throws IOException {
        throw e;
    }

    @Override
    public void handleException(RuntimeException e) {
        // Left to the ErrorMapper, which answers a problem+json 500 and logs it once.
        throw e;
    }

    @Override
    public void close() {
        // Nothing to release: the body is in memory and Javalin owns the response.
    }
}
