package io.ganaka.api.http;

import io.ganaka.api.errors.UnauthenticatedException;
import io.ganaka.auth.AccessTokens;
import io.javalin.http.Context;

/**
 * The one access check, run before every matched route: public routes pass, every other route needs a valid
 * {@code Authorization: Bearer <jwt>}, whose principal is put on the request for the handler.
 */
public final class AccessCheck {

    private static final String BEARER = "Bearer ";

    private final AccessTokens tokens;

    public AccessCheck(AccessTokens tokens) {
        this.tokens = tokens;
    }

    public void check(Context ctx) {
        if (ctx.routeRoles().contains(ApiRole.PUBLIC)) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new UnauthenticatedException("no Bearer token");
        }
        // AccessTokens.verify throws InvalidTokenException, which the ErrorMapper answers with the same 401.
        Requests.setPrincipal(ctx, tokens.verify(header.substring(BEARER.length()).strip()));
    }
}
