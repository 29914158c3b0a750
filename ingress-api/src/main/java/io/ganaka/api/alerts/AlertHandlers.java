package io.ganaka.api.alerts;

import io.ganaka.api.http.Requests;
import io.javalin.http.Context;

/** {@code GET /alerts} and {@code POST /alerts/{id}/dismiss}. */
public final class AlertHandlers {

    private final AlertService alerts;

    public AlertHandlers(AlertService alerts) {
        this.alerts = alerts;
    }

    public void list(Context ctx) throws Exception {
        ctx.json(alerts.list(Requests.principal(ctx).userId(), AlertListRequest.parse(ctx.queryParamMap())));
    }

    public void dismiss(Context ctx) throws Exception {
        ctx.json(alerts.dismiss(Requests.principal(ctx).userId(), ctx.pathParam("id"), Requests.requestId(ctx)));
    }
}
