package io.ganaka.api.auth;

import io.ganaka.api.http.JsonBodies;
import io.ganaka.api.http.Requests;
import io.javalin.http.Context;

/** HTTP side of {@code /auth/*}: read the request, call the service, write the answer. */
public final class AuthHandlers {

    private final AccountService accounts;

    public AuthHandlers(AccountService accounts) {
        this.accounts = accounts;
    }

    public void register(Context ctx) throws Exception {
        RegisterRequest request = RegisterRequest.from(JsonBodies.fields(ctx));
        ctx.status(202).json(accounts.register(request, Requests.requestId(ctx)));
    }

    public void login(Context ctx) throws Exception {
        LoginRequest request = LoginRequest.from(JsonBodies.fields(ctx));
        ctx.header("Cache-Control", "no-store");
        ctx.json(accounts.login(request, Requests.requestId(ctx)));
    }

    public void me(Context ctx) throws Exception {
        ctx.json(accounts.me(Requests.principal(ctx).userId()));
    }
}
