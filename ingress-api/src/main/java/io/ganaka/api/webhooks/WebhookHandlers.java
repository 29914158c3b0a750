package io.ganaka.api.webhooks;

import io.ganaka.api.http.JsonBodies;
import io.ganaka.api.http.Requests;
import io.ganaka.schemas.webhooks.WebhookTargetPolicy;
import io.javalin.http.Context;

/** HTTP side of {@code /webhooks}: read the request, call the service, write the answer. */
public final class WebhookHandlers {

    private final WebhookService webhooks;
    private final WebhookTargetPolicy targets;

    public WebhookHandlers(WebhookService webhooks, WebhookTargetPolicy targets) {
        this.webhooks = webhooks;
        this.targets = targets;
    }

    public void list(Context ctx) throws Exception {
        ctx.json(new WebhookList(webhooks.list(Requests.principal(ctx).userId())));
    }

    public void get(Context ctx) throws Exception {
        ctx.json(webhooks.get(Requests.principal(ctx).userId(), ctx.pathParam("id")));
    }

    public void create(Context ctx) throws Exception {
        WebhookRequest request = WebhookRequest.from(JsonBodies.read(ctx), targets);
        WebhookWithSecret created = webhooks.create(Requests.principal(ctx).userId(), request);
        ctx.status(201).header("Location", "/webhooks/" + created.id()).json(created);
    }

    public void replace(Context ctx) throws Exception {
        WebhookRequest request = WebhookRequest.from(JsonBodies.read(ctx), targets);
        ctx.json(webhooks.replace(Requests.principal(ctx).userId(), ctx.pathParam("id"), request));
    }

    public void delete(Context ctx) throws Exception {
        webhooks.delete(Requests.principal(ctx).userId(), ctx.pathParam("id"));
        ctx.status(204);
    }

    public void rotateSecret(Context ctx) throws Exception {
        ctx.json(webhooks.rotateSecret(Requests.principal(ctx).userId(), ctx.pathParam("id")));
    }

    public void test(Context ctx) throws Exception {
        ctx.json(webhooks.test(Requests.principal(ctx).userId(), ctx.pathParam("id"), Requests.requestId(ctx)));
    }
}
