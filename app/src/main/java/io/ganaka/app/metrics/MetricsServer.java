package io.ganaka.app.metrics;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The stand-alone {@code /metrics} endpoint of a process, for roles without the API's HTTP port: the Prometheus
 * client's own small HTTP server (also {@code /-/healthy}) over the process's registry.
 */
public final class MetricsServer implements AutoCloseable {

    private final HTTPServer server;

    private MetricsServer(HTTPServer server) {
        this.server = server;
    }

    /** Serves {@code registry} on {@code port} (0: any free port) on every interface. */
    public static MetricsServer start(int port, PrometheusRegistry registry) {
        try {
            return new MetricsServer(HTTPServer.builder().port(port).registry(registry).buildAndStart());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve metrics on port " + port
                    + " (GANAKA_METRICS_PORT): " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.close();
    }
}
