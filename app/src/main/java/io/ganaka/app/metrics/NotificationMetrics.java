package io.ganaka.app.metrics;

import io.ganaka.sinks.notify.NotificationOutcomes;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.Locale;

/** How notifications ended, by channel and final status; every channel the dispatcher runs starts at 0. */
public final class NotificationMetrics implements NotificationOutcomes {

    private final Counter finished;

    public NotificationMetrics(PrometheusRegistry registry, List<String> channels) {
        finished = Counter.builder()
                .name("ganaka_notifications_total")
                .help("Notifications that ended: sent, failed for good (permanent error or retries used up), or"
                        + " skipped (their channel is not configured)")
                .labelNames("channel", "status")
                .register(registry);
        for (String channel : channels) {
            for (Outcome outcome : Outcome.values()) {
                finished.initLabelValues(channel, label(outcome));
            }
        }
    }

    @Override
    public void finished(String channel, Outcome outcome) {
        finished.labelValues(channel, label(outcome)).inc();
    }

    private static String label(Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }
}
