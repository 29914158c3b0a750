package io.ganaka.api.metrics;

import io.ganaka.api.live.LiveHub;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** The dashboard WebSockets open on this API instance, read from the {@link LiveHub} on every scrape. */
public final class LiveSocketMetrics {

    private LiveSocketMetrics() {
    }

    public static void register(PrometheusRegistry registry, LiveHub hub) {
        GaugeWithCallback.builder()
                .name("ganaka_ws_connections")
                .help("Dashboard WebSocket connections open on this API instance")
                .callback(callback -> callback.call(hub.openSockets()))
                .register(registry);
    }
}
