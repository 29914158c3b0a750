package io.ganaka.streams.reportupdates;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** When a month closes for a user, and when it is old enough to be forgotten. */
final class MonthClock {

    private MonthClock() {}

    /** The first instant of the next month in {@code zone}, plus the grace. */
    static Instant closesAt(int year, int month, ZoneId zone, Duration grace) {
        return YearMonth.of(year, month).plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().plus(grace);
    }

    /**
     * Whether the month ended (in UTC) more than {@code retention} before {@code now}. Deliberately independent of
     * the user's zone, so purging a closed month and ignoring a late change to it agree even if the zone changes.
     */
    static boolean expired(int year, int month, Instant now, Duration retention) {
        Instant endUtc = YearMonth.of(year, month).plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return !now.isBefore(endUtc.plus(retention));
    }
}
