package io.ganaka.api.rules;

import io.ganaka.api.http.JsonBodies;
import io.ganaka.api.http.Requests;
import io.ganaka.schemas.rules.RuleDefinition;
import io.javalin.http.Context;
import java.util.Map;

/** HTTP side of {@code /rules}: read the request, call the service, write the answer. */
public final class RuleHandlers {

    private final RuleService rules;
    private final RuleApplier applier;

    public RuleHandlers(RuleService rules, RuleApplier applier) {
        this.rules = rules;
        this.applier = applier;
    }

    public void list(Context ctx) throws Exception {
        ctx.json(Map.of("items", rules.list(Requests.principal(ctx).userId())));
    }

    public void get(Context ctx) throws Exception {
        ctx.json(rules.get(Requests.principal(ctx).userId(), ctx.pathParam("id")));
    }

    public void create(Context ctx) throws Exception {
        RuleDefinition rule = RuleParser.parse(JsonBodies.read(ctx));
        RuleView saved = rules.create(Requests.principal(ctx).userId(), rule, Requests.requestId(ctx));
        ctx.status(201).header("Location", "/rules/" + saved.id()).json(saved);
    }

    public void replace(Context ctx) throws Exception {
        RuleDefinition rule = RuleParser.parse(JsonBodies.read(ctx));
        ctx.json(rules.replace(Requests.principal(ctx).userId(), ctx.pathParam("id"), rule, Requests.requestId(ctx)));
    }

    public void delete(Context ctx) throws Exception {
        rules.delete(Requests.principal(ctx).userId(), ctx.pathParam("id"), Requests.requestId(ctx));
        ctx.status(204);
    }

    public void apply(Context ctx) throws Exception {
        ctx.status(202).json(applier.apply(Requests.principal(ctx).userId(), Requests.requestId(ctx)));
    }
}
