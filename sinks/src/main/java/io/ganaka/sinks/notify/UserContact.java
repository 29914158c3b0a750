package io.ganaka.sinks.notify;

import java.time.ZoneId;
import java.util.UUID;

/** What the notifications know of a user when an event arrives: address, name, time zone and preferences. */
public record UserContact(UUID userId, String email, String displayName, ZoneId timezone,
                          NotificationPreferences preferences) {}
