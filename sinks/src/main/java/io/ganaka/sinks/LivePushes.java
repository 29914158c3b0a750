package io.ganaka.sinks;

import io.ganaka.schemas.dashboard.Dashboard;

/** Where the dashboard sink announces a user's changed dashboard, after it is stored. Best effort; never throws. */
public interface LivePushes {

    /** For roles and tests without NATS. */
    LivePushes NONE = (correlationId, dashboard) -> { };

    void dashboardChanged(String correlationId, Dashboard dashboard);
}
