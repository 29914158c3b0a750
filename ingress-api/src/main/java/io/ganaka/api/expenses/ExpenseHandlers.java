package io.ganaka.api.expenses;

import io.ganaka.api.http.JsonBodies;
import io.ganaka.api.http.PreferWait;
import io.ganaka.api.http.Requests;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Optional;

/** HTTP side of {@code /expenses}: read the request, call the service, write the answer. */
public final class ExpenseHandlers {

    private final ExpenseService expenses;

    public ExpenseHandlers(ExpenseService expenses) {
        this.expenses = expenses;
    }

    /** 202 with the accepted event; with {@code Prefer: wait=N}, 201 with the expense once projected within N s. */
    public void add(Context ctx) throws Exception {
        ExpenseRequest request = ExpenseRequest.from(JsonBodies.fields(ctx));
        Optional<Duration> wait = PreferWait.of(ctx);
        ExpenseWritten written = expenses.add(Requests.principal(ctx).userId(), request, Requests.requestId(ctx),
                wait.orElse(Duration.ZERO));
        ctx.header("Location", "/expenses/" + written.accepted().id());
        if (written.projected().isPresent()) {
            ExpenseView expense = written.projected().get();
            ctx.status(201).header("ETag", "\"" + expense.version() + "\"")
                    .header(PreferWait.PREFERENCE_APPLIED, PreferWait.applied(wait.orElseThrow())).json(expense);
        } else {
            ctx.status(202).json(written.accepted());
        }
    }

    public void get(Context ctx) throws Exception {
        ExpenseView expense = expenses.get(Requests.principal(ctx).userId(), ctx.pathParam("id"));
        ctx.header("ETag", "\"" + expense.version() + "\"").json(expense);
    }
}
