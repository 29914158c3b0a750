package io.ganaka.api.dashboard;

import io.ganaka.api.http.Requests;
import io.javalin.http.Context;

/** {@code GET /dashboard}: the caller's dashboard (see {@link io.ganaka.schemas.dashboard.Dashboard}). */
public final class DashboardHandlers {

    private final DashboardService dashboards;

    public DashboardHandlers(DashboardService dashboards) {
        this.dashboards = dashboards;
    }

    public void get(Context ctx) throws Exception {
        ctx.header("Cache-Control", "no-store").json(dashboards.get(Requests.principal(ctx).userId()));
    }
}
