package io.ganaka.api.metrics;

import io.javalin.http.Context;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;

/**
 * {@code GET /metrics}: the process's registry in a Prometheus exposition format, answered by the Prometheus client's
 * own scrape handler, so content negotiation (text, OpenMetrics, protobuf), {@code name[]} filters and gzip behave as
 * they do on the stand-alone metrics server.
 */
public final class MetricsHandler {

    private final PrometheusScrapeHandler scrape;

    public MetricsHandler(PrometheusRegistry registry) {
        this.scrape = new PrometheusScrapeHandler(registry);
    }

    public void scrape(Context ctx) throws IOException {
        JavalinScrapeExchange exchange = new JavalinScrapeExchange(ctx);
        scrape.handleRequest(exchange);
        exchange.finish();
    }
}
