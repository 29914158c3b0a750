package io.ganaka.api.auth;

import io.ganaka.api.http.JsonFields;

/** {@code POST /auth/refresh}: the refresh token to exchange for a new pair. */
public record RefreshRequest(String refreshToken) {

    /** Ours are 43 characters; anything token-like up to this size is looked up and refused with 401, not 400. */
    private static final int MAX_LENGTH = 2048;

    public static RefreshRequest from(JsonFields fields) {
        String token = fields.requiredRawText("refreshToken", 1, MAX_LENGTH);
        fields.throwIfInvalid();
        return new RefreshRequest(token);
    }

    /** The refresh token of an optional body (logout); null when absent. */
    public static String optional(JsonFields fields) {
        String token = fields.optionalText("refreshToken", MAX_LENGTH);
        fields.throwIfInvalid();
        return token;
    }

    @Override
    public String toString() {
        return "RefreshRequest[refreshToken=<hidden>]";
    }
}
