package io.ganaka.api.metrics;

import io.ganaka.auth.AbuseMetrics;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The requests each rate limit refused (the 429s), read from {@link AbuseMetrics} on every scrape. */
public final class RateLimitMetrics implements MultiCollector {

    private final AbuseMetrics abuse;
    private final List<String> limits;

    public RateLimitMetrics(AbuseMetrics abuse) {
        this(abuse, List.of());
    }

    /** Exports {@code limits} from the start, at 0 until they refuse a request, so their series exist at once. */
    public RateLimitMetrics(AbuseMetrics abuse, List<String> limits) {
        this.abuse = abuse;
        this.limits = List.copyOf(limits);
    }

    @Override
    public MetricSnapshots collect() {
        CounterSnapshot.Builder refusals = CounterSnapshot.builder()
                .name("ganaka_rate_limit_refusals")
                .help("Requests refused with 429 by each rate limit");
        Map<String, Long> counts = new TreeMap<>();
        limits.forEach(limit -> counts.put(limit, 0L));
        counts.putAll(abuse.snapshot());
        counts.forEach((limit, count) -> refusals.dataPoint(CounterDataPointSnapshot.builder()
                .labels(Labels.of("limit", limit)).value(count).build()));
        return MetricSnapshots.of(refusals.build());
    }
}
