package io.ganaka.api.categories;

import io.ganaka.api.http.JsonBodies;
import io.ganaka.api.http.Requests;
import io.javalin.http.Context;

/** HTTP side of {@code /categories}: read the request, call the service, write the answer. */
public final class CategoryHandlers {

    private final CategoryService categories;

    public CategoryHandlers(CategoryService categories) {
        this.categories = categories;
    }

    public void list(Context ctx) throws Exception {
        ctx.json(categories.list(Requests.principal(ctx).userId()));
    }

    public void get(Context ctx) throws Exception {
        ctx.json(categories.get(Requests.principal(ctx).userId(), ctx.pathParam("id")));
    }

    public void create(Context ctx) throws Exception {
        CategoryRequest request = CategoryRequest.from(JsonBodies.read(ctx));
        CategoryView created = categories.create(Requests.principal(ctx).userId(), request, Requests.requestId(ctx));
        ctx.status(201).header("Location", "/categories/" + created.id()).json(created);
    }

    public void replace(Context ctx) throws Exception {
        CategoryRequest request = CategoryRequest.from(JsonBodies.read(ctx));
        ctx.json(categories.replace(Requests.principal(ctx).userId(), ctx.pathParam("id"), request,
                Requests.requestId(ctx)));
    }

    public void delete(Context ctx) throws Exception {
        categories.delete(Requests.principal(ctx).userId(), ctx.pathParam("id"), Requests.requestId(ctx));
        ctx.status(204);
    }
}
