package io.ganaka.streams.reports;

import io.ganaka.schemas.Event;
import java.time.ZoneId;

/** An expense event with the time zone its user had when it was processed, which fixes the month it counts in. */
public record ZonedEvent(Event event, ZoneId zone) {}
