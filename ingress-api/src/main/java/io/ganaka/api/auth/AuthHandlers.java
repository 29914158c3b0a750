package io.ganaka.api.auth;

import io.ganaka.api.http.JsonBodies;
import io.ganaka.api.http.Requests;
import io.javalin.http.Context;
import java.util.Optional;

/** HTTP side of {@code /auth/*}: read the request, call the service, write the answer. */
public final class AuthHandlers {

    private final AccountService accounts;

    public AuthHandlers(AccountService accounts) {
        this.accounts = accounts;
    }

    public void register(Context ctx) throws Exception {
        RegisterRequest request = RegisterRequest.from(JsonBodies.fields(ctx));
        ctx.status(202).json(accounts.register(request, origin(ctx)));
    }

    public void login(Context ctx) throws Exception {
        LoginRequest request = LoginRequest.from(JsonBodies.fields(ctx));
        ctx.header("Cache-Control", "no-store");
        ctx.json(accounts.login(request, origin(ctx)));
    }

    public void refresh(Context ctx) throws Exception {
        RefreshRequest request = RefreshRequest.from(JsonBodies.fields(ctx));
        ctx.header("Cache-Control", "no-store");
        ctx.json(accounts.refresh(request, origin(ctx)));
    }

    public void logout(Context ctx) {
        // The body is optional: the access token names its session; a refresh token may be added to end its family.
        // No Content-Length at all (curl -X POST, fetch without a body) is an empty body too, not a 415.
        Optional<String> refreshToken = ctx.body().isBlank() ? Optional.empty()
                : Optional.ofNullable(RefreshRequest.optional(JsonBodies.fields(ctx)));
        accounts.logout(Requests.principal(ctx), refreshToken, origin(ctx));
        ctx.status(204);
    }

    public void logoutAll(Context ctx) {
        accounts.logoutAll(Requests.principal(ctx), origin(ctx));
        ctx.status(204);
    }

    public void changePassword(Context ctx) throws Exception {
        ChangePasswordRequest request = ChangePasswordRequest.from(JsonBodies.fields(ctx));
        ctx.header("Cache-Control", "no-store");
        ctx.json(accounts.changePassword(Requests.principal(ctx), request, origin(ctx)));
    }

    public void me(Context ctx) throws Exception {
        ctx.json(accounts.me(Requests.principal(ctx).userId()));
    }

    /** The socket's remote address only; see {@link RequestOrigin} for why forwarded headers are not trusted. */
    private static RequestOrigin origin(Context ctx) {
        return new RequestOrigin(Requests.requestId(ctx), ctx.req().getRemoteAddr());
    }
}
