package io.ganaka.api.budgets;

import io.ganaka.api.http.JsonBodies;
import io.ganaka.api.http.Requests;
import io.javalin.http.Context;

/** HTTP side of {@code /budgets/{year}/{month}} and {@code /budgets/default}. */
public final class BudgetHandlers {

    private final BudgetService budgets;

    public BudgetHandlers(BudgetService budgets) {
        this.budgets = budgets;
    }

    public void getMonth(Context ctx) throws Exception {
        ctx.json(budgets.get(Requests.principal(ctx).userId(), month(ctx)));
    }

    public void replaceMonth(Context ctx) throws Exception {
        BudgetPeriod period = month(ctx);
        replace(ctx, period);
    }

    public void getDefault(Context ctx) throws Exception {
        ctx.json(budgets.get(Requests.principal(ctx).userId(), BudgetPeriod.DEFAULT));
    }

    public void replaceDefault(Context ctx) throws Exception {
        replace(ctx, BudgetPeriod.DEFAULT);
    }

    private void replace(Context ctx, BudgetPeriod period) throws Exception {
        BudgetRequest request = BudgetRequest.from(JsonBodies.read(ctx));
        ctx.json(budgets.replace(Requests.principal(ctx).userId(), period, request, Requests.requestId(ctx)));
    }

    private static BudgetPeriod month(Context ctx) {
        return BudgetPeriod.month(ctx.pathParam("year"), ctx.pathParam("month"));
    }
}
