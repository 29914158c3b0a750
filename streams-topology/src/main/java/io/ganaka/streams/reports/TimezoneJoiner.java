package io.ganaka.streams.reports;

import io.ganaka.schemas.Event;
import java.time.ZoneOffset;
import org.apache.kafka.streams.kstream.ValueJoiner;

/** Pairs an expense event with its user's time zone; a user whose zone is not known (yet) counts in UTC. */
public final class TimezoneJoiner implements ValueJoiner<Event, String, ZonedEvent> {

    @Override
    public ZonedEvent apply(Event event, String zoneId) {
        return new ZonedEvent(event, zoneId == null ? ZoneOffset.UTC : UserTimezoneMapper.zoneOrUtc(zoneId));
    }
}
