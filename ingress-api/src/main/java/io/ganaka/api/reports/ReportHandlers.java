package io.ganaka.api.reports;

import io.ganaka.api.http.Requests;
import io.javalin.http.Context;

/** HTTP side of {@code /reports/*}. */
public final class ReportHandlers {

    private final ReportService reports;

    public ReportHandlers(ReportService reports) {
        this.reports = reports;
    }

    public void monthly(Context ctx) throws Exception {
        ctx.json(reports.monthly(Requests.principal(ctx).userId(), ctx.pathParam("year"), ctx.pathParam("month")));
    }

    public void categories(Context ctx) throws Exception {
        ctx.json(reports.categories(Requests.principal(ctx).userId(), ctx.pathParam("year"), ctx.pathParam("month")));
    }

    public void summary(Context ctx) throws Exception {
        ctx.json(reports.summary(Requests.principal(ctx).userId()));
    }
}
