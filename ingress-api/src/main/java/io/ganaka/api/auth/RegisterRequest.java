package io.ganaka.api.auth;

import io.ganaka.api.http.JsonFields;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;

/** A validated registration: e-mail of plausible shape, password of 12..128 characters, a real time zone. */
public record RegisterRequest(String email, String password, String displayName, String timezone) {

    public static final int MIN_PASSWORD = 12;
    public static final int MAX_PASSWORD = 128;
    /** Deliberately loose: something@something.tld without spaces; the mailbox itself is never verified here. */
    private static final Pattern EMAIL_SHAPE = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

    public static RegisterRequest from(JsonFields fields) {
        String email = email(fields);
        String password = fields.requiredRawText("password", MIN_PASSWORD, MAX_PASSWORD);
        String displayName = fields.optionalText("displayName", 100);
        String timezone = timezone(fields);
        fields.throwIfInvalid();
        return new RegisterRequest(email, password, displayName, timezone);
    }

    /** The form used for uniqueness and sign-in: e-mail addresses are compared case-insensitively. */
    public String normalizedEmail() {
        return normalize(email);
    }

    static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static String email(JsonFields fields) {
        String email = fields.requiredText("email", 254);
        if (email != null && !EMAIL_SHAPE.matcher(email).matches()) {
            return fields.reject("email", "must be an e-mail address");
        }
        return email;
    }

    private static String timezone(JsonFields fields) {
        String zone = fields.optionalText("timezone", 64);
        if (zone == null) {
            return "UTC";
        }
        try {
            return ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            // Unknown region or malformed id: a validation error, not a server error.
            return fields.reject("timezone", "must be an IANA time zone such as Europe/Berlin");
        }
    }

    @Override
    public String toString() {
        return "RegisterRequest[email=" + email + ", displayName=" + displayName + ", timezone=" + timezone + "]";
    }
}
