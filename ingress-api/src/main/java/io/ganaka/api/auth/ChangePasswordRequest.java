package io.ganaka.api.auth;

import io.ganaka.api.http.JsonFields;
import io.ganaka.auth.PasswordPolicy;

/** {@code POST /auth/password}: the current password, checked again, and the new one (12..128 characters). */
public record ChangePasswordRequest(String currentPassword, String newPassword) {

    public static ChangePasswordRequest from(JsonFields fields) {
        String current = fields.requiredRawText("currentPassword", 1, 1024);
        String next = fields.requiredRawText("newPassword", PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH);
        fields.throwIfInvalid();
        return new ChangePasswordRequest(current, next);
    }

    @Override
    public String toString() {
        return "ChangePasswordRequest[<hidden>]";
    }
}
