package io.ganaka.streams.reports;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload.UserRegistered;
import io.ganaka.schemas.EventPayload.UserUpdated;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.streams.kstream.ValueMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a user's time zone from {@code user.registered} and {@code user.updated}: a missing zone is UTC, and so is a
 * zone id this JVM does not know (logged), so that a month is always defined. Other user events yield nothing.
 */
public final class UserTimezoneMapper implements ValueMapper<Event, Iterable<String>> {

    private static final Logger LOG = LoggerFactory.getLogger(UserTimezoneMapper.class);

    @Override
    public Iterable<String> apply(Event event) {
        if (event == null) {
            return List.of();
        }
        if (event.data() instanceof UserRegistered registered) {
            return List.of(zoneOrUtc(registered.timezone()).getId());
        }
        if (event.data() instanceof UserUpdated updated) {
            return List.of(zoneOrUtc(updated.timezone()).getId());
        }
        return List.of();
    }

    /** The zone with this id, or UTC when the id is missing or unknown. */
    static ZoneId zoneOrUtc(String zoneId) {
        if (zoneId == null || zoneId.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(zoneId);
        } catch (DateTimeException e) {
            // The API validates zones, but the JVM's zone database may be older than the client's.
            LOG.warn("Unknown time zone {}; counting months in UTC", zoneId);
            return ZoneOffset.UTC;
        }
    }
}
