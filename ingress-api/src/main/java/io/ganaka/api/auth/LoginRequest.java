package io.ganaka.api.auth;

import io.ganaka.api.http.JsonFields;

/** Sign-in credentials. Only presence and size are checked, so that a bad e-mail cannot be told from a wrong one. */
public record LoginRequest(String email, String password) {

    public static LoginRequest from(JsonFields fields) {
        String email = fields.requiredText("email", 254);
        String password = fields.requiredRawText("password", 1, 1024);
        fields.throwIfInvalid();
        return new LoginRequest(email, password);
    }

    public String normalizedEmail() {
        return RegisterRequest.normalize(email);
    }

    @Override
    public String toString() {
        return "LoginRequest[email=" + email + "]";
    }
}
