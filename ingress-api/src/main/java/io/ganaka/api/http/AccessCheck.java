package io.ganaka.api.http;

import io.ganaka.api.errors.UnauthenticatedException;
import io.ganaka.auth.AccessTokens;
import io.ganaka.auth.Principal;
import io.ganaka.auth.SessionStore;
import io.javalin.http.Context;

/**
 * The one access check, run before every matched route: public routes pass, every other route needs a valid
 * {@code Authorization: Bearer <jwt>} that was not signed out since, whose principal is put on the request.
 */
public final class AccessCheck {

    private static final String BEARER = "Bearer ";

    private final AccessTokens tokens;
    private final SessionStore sessions;

    public AccessCheck(AccessTokens tokens, SessionStore sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    public void check(Context ctx) {
        if (ctx.routeRoles().contains(ApiRole.PUBLIC)) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            AccessRefusalLog.unauthenticated(ctx, "no-token", null);
            throw new UnauthenticatedException("no Bearer token");
        }
        Principal principal;
        try {
            principal = tokens.verify(header.substring(BEARER.length()).strip());
        } catch (RuntimeException e) {
            // InvalidTokenException: logged here as a refusal, answered 401 by the ErrorMapper.
            AccessRefusalLog.unauthenticated(ctx, "invalid-token", null);
            throw e;
        }
        if (sessions.isRevoked(principal)) {
            AccessRefusalLog.unauthenticated(ctx, "revoked-token", principal.userId());
            throw new UnauthenticatedException("access token signed out");
        }
        Requests.setPrincipal(ctx, principal);
    }

}
