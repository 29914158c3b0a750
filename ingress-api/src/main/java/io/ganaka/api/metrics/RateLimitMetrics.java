package io.ganaka.api.metrics;

import io.ganaka.auth.AbuseMetrics;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/** The requests each rate limit refused (the 429s), read from {@link AbuseMetrics} on every scrape. */
public final class RateLimitMetrics implements MultiCollector {

    private final AbuseMetrics abuse;

    public RateLimitMetrics(AbuseMetrics abuse) {
        this.abuse = abuse;
    }

    @Override
    public MetricSnapshots collect() {
        CounterSnapshot.Builder refusals = CounterSnapshot.builder()
                .name("ganaka_rate_limit_refusals")
                .help("Requests refused with 429 by each rate limit");
        abuse.snapshot().forEach((limit, count) -> refusals.dataPoint(CounterDataPointSnapshot.builder()
                .labels(Labels.of("limit", limit)).value(count).build()));
        return MetricSnapshots.of(refusals.build());
    }
}
