package io.ganaka.api.docs;

import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

/**
 * Tells {@code GET /services} what this process runs. The launcher that starts the roles provides it; it is asked on
 * every request because a metrics server may start after the API.
 */
@FunctionalInterface
public interface ServiceDirectory {

    RunningServices current();

    /** A process that runs the API alone, started at {@code startedAt}, with its metrics on the API port. */
    static ServiceDirectory apiOnly(Instant startedAt) {
        RunningServices services = new RunningServices(List.of("api"), startedAt, OptionalInt.empty());
        return () -> services;
    }
}
