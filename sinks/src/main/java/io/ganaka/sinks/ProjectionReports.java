package io.ganaka.sinks;

import java.util.List;

/**
 * Where a sink announces the events a committed batch made readable, so that an API holding a {@code Prefer: wait}
 * request can answer it. Best effort: an announcement that is lost only makes that client wait its full time.
 */
public interface ProjectionReports {

    /** For roles and tests without NATS: announces nothing. */
    ProjectionReports NONE = (sink, eventIds) -> { };

    /** Called after the database commit, never before; must not throw. */
    void projected(String sink, List<String> eventIds);
}
