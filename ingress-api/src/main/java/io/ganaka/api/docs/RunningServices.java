package io.ganaka.api.docs;

import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

/**
 * What this process runs: its roles ({@code api}, {@code bridge}, {@code streams}, {@code sinks}), when it started,
 * and the port of its stand-alone metrics server when it has one ({@code GANAKA_METRICS_PORT}).
 */
public record RunningServices(List<String> roles, Instant startedAt, OptionalInt metricsServerPort) {

    public RunningServices {
        roles = List.copyOf(roles);
    }
}
