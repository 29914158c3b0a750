package io.ganaka.sinks.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A daily window, {@code start} inclusive to {@code end} exclusive in local time of {@code zone}, during which e-mail
 * and SMS wait; when {@code end} is earlier than {@code start} the window wraps past midnight (22:00-07:00). Local
 * times are resolved as {@link ZonedDateTime#of} does: an end that falls into a daylight-saving gap moves forward by
 * the gap's length, and one that occurs twice (the autumn overlap) is its earlier occurrence.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    public QuietHours {
        if (start.equals(end)) {
            throw new IllegalArgumentException("quiet hours need an end different from their start: " + start);
        }
    }

    /** The end of the quiet period {@code now} falls in, or empty when {@code now} is outside quiet hours. */
    public Optional<Instant> endIfQuiet(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        LocalDate today = local.toLocalDate();
        boolean wraps = end.isBefore(start);
        if (!wraps) {
            return !time.isBefore(start) && time.isBefore(end) ? Optional.of(at(today)) : Optional.empty();
        }
        if (!time.isBefore(start)) {
            return Optional.of(at(today.plusDays(1))); // evening part: ends tomorrow morning
        }
        return time.isBefore(end) ? Optional.of(at(today)) : Optional.empty(); // early-morning part
    }

    private Instant at(LocalDate date) {
        return ZonedDateTime.of(date, end, zone).toInstant();
    }
}
