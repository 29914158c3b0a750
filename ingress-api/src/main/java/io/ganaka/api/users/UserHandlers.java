package io.ganaka.api.users;

import io.ganaka.api.http.JsonBodies;
import io.ganaka.api.http.Requests;
import io.javalin.http.Context;

/** HTTP side of {@code /users/{id}}: read the request, call the service, write the answer. */
public final class UserHandlers {

    private final UserService users;

    public UserHandlers(UserService users) {
        this.users = users;
    }

    public void get(Context ctx) throws Exception {
        ctx.json(users.get(Requests.principal(ctx), ctx.pathParam("id")));
    }

    public void replace(Context ctx) throws Exception {
        ProfileUpdate update = ProfileParser.update(JsonBodies.read(ctx));
        ctx.json(users.replace(Requests.principal(ctx), ctx.pathParam("id"), update, Requests.requestId(ctx)));
    }

    public void delete(Context ctx) throws Exception {
        users.delete(Requests.principal(ctx), ctx.pathParam("id"), Requests.requestId(ctx));
        ctx.status(204);
    }
}
