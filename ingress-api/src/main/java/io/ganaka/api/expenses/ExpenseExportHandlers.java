package io.ganaka.api.expenses;

import io.ganaka.api.http.Requests;
import io.javalin.http.Context;

/** HTTP side of {@code GET /expenses/export}: the caller's expenses as a CSV download, streamed. */
public final class ExpenseExportHandlers {

    private final ExpenseExporter exporter;

    public ExpenseExportHandlers(ExpenseExporter exporter) {
        this.exporter = exporter;
    }

    public void export(Context ctx) throws Exception {
        exporter.checkFormat(ctx.queryParam("format"));
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"ganaka-expenses.csv\"");
        exporter.writeCsv(Requests.principal(ctx).userId(), ctx.outputStream());
    }
}
