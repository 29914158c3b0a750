package io.ganaka.api.http;

import io.javalin.security.RouteRole;

/** Who may call a route. A route without a role is treated as {@link #USER}: protected unless declared public. */
public enum ApiRole implements RouteRole {
    PUBLIC,
    USER
}
