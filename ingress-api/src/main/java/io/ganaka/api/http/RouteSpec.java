package io.ganaka.api.http;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One row of the route table: an HTTP method, a Javalin path pattern ({@code /expenses/{id}}) and who may call it.
 * Tests iterate these rows, so a route added to {@link Routes} is automatically part of the access-control test.
 */
public record RouteSpec(String method, String path, ApiRole role) {

    public RouteSpec {
        method = method.toUpperCase(Locale.ROOT);
    }

    /** Every route that is not explicitly public needs a token. */
    public boolean authenticated() {
        return role != ApiRole.PUBLIC;
    }

    /** Whether a concrete request path (no query) falls under this pattern; a path parameter is one segment. */
    public boolean matches(String requestPath) {
        return toRegex(path).matcher(requestPath).matches();
    }

    @Override
    public String toString() {
        return method + " " + path;
    }

    private static Pattern toRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("(?=\\{)|(?<=})")) {
            regex.append(part.startsWith("{") && part.endsWith("}") ? "[^/]+" : Pattern.quote(part));
        }
        // Javalin ignores one trailing slash by default, so /auth/me/ is the same route.
        return Pattern.compile(regex + "/?");
    }
}
