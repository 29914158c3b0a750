package io.ganaka.api.expenses;

import io.ganaka.api.http.JsonBodies;
import io.ganaka.api.http.Requests;
import io.javalin.http.Context;

/** HTTP side of {@code /expenses}: read the request, call the service, write the answer. */
public final class ExpenseHandlers {

    private final ExpenseService expenses;

    public ExpenseHandlers(ExpenseService expenses) {
        this.expenses = expenses;
    }

    public void add(Context ctx) throws Exception {
        ExpenseRequest request = ExpenseRequest.from(JsonBodies.fields(ctx));
        ExpenseAccepted accepted = expenses.add(Requests.principal(ctx).userId(), request, Requests.requestId(ctx));
        ctx.status(202).header("Location", "/expenses/" + accepted.id()).json(accepted);
    }

    public void get(Context ctx) throws Exception {
        ExpenseView expense = expenses.get(Requests.principal(ctx).userId(), ctx.pathParam("id"));
        ctx.header("ETag", "\"" + expense.version() + "\"").json(expense);
    }
}
