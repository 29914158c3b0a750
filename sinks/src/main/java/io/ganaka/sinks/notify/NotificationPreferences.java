package io.ganaka.sinks.notify;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.schemas.Json;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The notification part of a user's preferences ({@code users.preferences}, as the API validated it), with the API's
 * defaults for what is absent: e-mail and in-app on, SMS off, no quiet hours. Quiet hours without a time zone of their
 * own use the user's.
 */
public record NotificationPreferences(boolean email, boolean sms, String smsPhone, boolean inApp,
                                      Optional<QuietHours> quietHours) {

    public static final NotificationPreferences DEFAULTS =
            new NotificationPreferences(true, false, null, true, Optional.empty());

    /**
     * Reads the stored document; a value that does not parse is taken as its default, because the API validated the
     * document before storing it and a notification is better sent with defaults than not at all.
     */
    public static NotificationPreferences parse(String preferencesJson, ZoneId userZone) {
        JsonNode root;
        try {
            root = preferencesJson == null ? null : Json.MAPPER.readTree(preferencesJson);
        } catch (IOException e) {
            return DEFAULTS;
        }
        if (root == null || !root.isObject()) {
            return DEFAULTS;
        }
        JsonNode n = root.path("notifications");
        JsonNode sms = n.path("sms");
        String phone = sms.path("phone").isTextual() ? sms.path("phone").asText() : null;
        return new NotificationPreferences(
                n.path("email").asBoolean(true),
                sms.path("enabled").asBoolean(false) && phone != null,
                phone,
                n.path("inApp").asBoolean(true),
                quietHours(root.path("quietHours"), userZone));
    }

    private static Optional<QuietHours> quietHours(JsonNode q, ZoneId userZone) {
        if (!q.isObject()) {
            return Optional.empty();
        }
        try {
            LocalTime start = LocalTime.parse(q.path("start").asText());
            LocalTime end = LocalTime.parse(q.path("end").asText());
            ZoneId zone = q.path("timezone").isTextual() ? ZoneId.of(q.path("timezone").asText()) : userZone;
            return start.equals(end) ? Optional.empty() : Optional.of(new QuietHours(start, end, zone));
        } catch (DateTimeException e) { // a time or zone id that does not parse
            return Optional.empty();
        }
    }
}
