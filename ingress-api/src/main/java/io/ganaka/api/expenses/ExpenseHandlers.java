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
    private final ExpenseChangeService changes;

    public ExpenseHandlers(ExpenseService expenses, ExpenseChangeService changes) {
        this.expenses = expenses;
        this.changes = changes;
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
        ctx.header("ETag", IfMatch.etag(expense.version())).json(expense);
    }

    public void list(Context ctx) throws Exception {
        ExpenseListRequest request = ExpenseListRequest.parse(ctx.queryParamMap());
        ctx.json(expenses.list(Requests.principal(ctx).userId(), request));
    }

    /** 202 with the accepted change; with {@code Prefer: wait=N}, 200 with the new version once projected. */
    public void replace(Context ctx) throws Exception {
        ExpenseRequest request = ExpenseRequest.from(JsonBodies.fields(ctx));
        IfMatch ifMatch = IfMatch.parse(ctx.header(IfMatch.HEADER));
        Optional<Duration> wait = PreferWait.of(ctx);
        ExpenseChanged changed = changes.replace(Requests.principal(ctx).userId(), ctx.pathParam("id"),
                ifMatch, request, Requests.requestId(ctx), wait.orElse(Duration.ZERO));
        if (changed.view().isPresent()) {
            ExpenseView expense = changed.view().get();
            ctx.status(200).header("ETag", IfMatch.etag(expense.version()))
                    .header(PreferWait.PREFERENCE_APPLIED, PreferWait.applied(wait.orElseThrow())).json(expense);
        } else {
            accepted(ctx, changed.accepted());
        }
    }

    /** 202 with the accepted change; with {@code Prefer: wait=N}, 204 once the delete is projected. */
    public void delete(Context ctx) throws Exception {
        IfMatch ifMatch = IfMatch.parse(ctx.header(IfMatch.HEADER));
        Optional<Duration> wait = PreferWait.of(ctx);
        ExpenseChanged changed = changes.delete(Requests.principal(ctx).userId(), ctx.pathParam("id"),
                ifMatch, Requests.requestId(ctx), wait.orElse(Duration.ZERO));
        if (changed.projected()) {
            ctx.status(204).header(PreferWait.PREFERENCE_APPLIED, PreferWait.applied(wait.orElseThrow()));
        } else {
            accepted(ctx, changed.accepted());
        }
    }

    private static void accepted(Context ctx, ExpenseChangeAccepted accepted) {
        ctx.status(202).header("Location", "/expenses/" + accepted.id())
                .header("ETag", IfMatch.etag(accepted.version())).json(accepted);
    }
}
