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
}
