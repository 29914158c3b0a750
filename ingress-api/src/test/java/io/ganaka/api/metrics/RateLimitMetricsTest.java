package io.ganaka.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.auth.AbuseMetrics;
import io.ganaka.auth.RateLimit;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RateLimitMetricsTest {

    @Test
    void countsTheRefusalsOfEachLimitUnderItsName() {
        AbuseMetrics abuse = new AbuseMetrics();
        RateLimit login = new RateLimit("login-account", 5, Duration.ofMinutes(15));
        RateLimit register = new RateLimit("register-address", 10, Duration.ofHours(1));
        abuse.refused(login);
        abuse.refused(login);
        abuse.refused(register);

        CounterSnapshot refusals = (CounterSnapshot) new RateLimitMetrics(abuse).collect().get(0);

        assertThat(refusals.getMetadata().getPrometheusName()).isEqualTo("ganaka_rate_limit_refusals");
        Map<Labels, Double> byLimit = refusals.getDataPoints().stream()
                .collect(Collectors.toMap(CounterDataPointSnapshot::getLabels, CounterDataPointSnapshot::getValue));
        assertThat(byLimit).containsExactlyInAnyOrderEntriesOf(Map.of(
                Labels.of("limit", "login-account"), 2.0,
                Labels.of("limit", "register-address"), 1.0));
    }

    @Test
    void exportsAnEmptyFamilyBeforeAnyRefusal() {
        CounterSnapshot refusals = (CounterSnapshot) new RateLimitMetrics(new AbuseMetrics()).collect().get(0);

        assertThat(refusals.getDataPoints()).isEmpty();
    }

    @Test
    void exportsTheGivenLimitsAtZeroUntilTheyRefuse() {
        AbuseMetrics abuse = new AbuseMetrics();
        abuse.refused(new RateLimit("login-account", 5, Duration.ofMinutes(15)));

        CounterSnapshot refusals = (CounterSnapshot) new RateLimitMetrics(abuse,
                List.of("login-account", "register-address")).collect().get(0);

        Map<Labels, Double> byLimit = refusals.getDataPoints().stream()
                .collect(Collectors.toMap(CounterDataPointSnapshot::getLabels, CounterDataPointSnapshot::getValue));
        assertThat(byLimit).containsExactlyInAnyOrderEntriesOf(Map.of(
                Labels.of("limit", "login-account"), 1.0,
                Labels.of("limit", "register-address"), 0.0));
    }
}
