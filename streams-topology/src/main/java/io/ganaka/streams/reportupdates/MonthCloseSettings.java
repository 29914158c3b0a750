package io.ganaka.streams.reportupdates;

import java.time.Duration;
import java.util.Objects;

/**
 * When months close: every {@code interval} of wall-clock time the open months are checked, and a month closes once
 * it has ended in its user's time zone and {@code grace} has passed since, so that expenses of its last minutes that
 * are still on their way count. Months that ended (in UTC) more than {@code retention} ago are forgotten: their
 * "closed" marks are purged and later changes to them are ignored, so state stays bounded.
 */
public record MonthCloseSettings(Duration interval, Duration grace, Duration retention) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);
    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(5);
    /** About a quarter: long enough for a role that was down a while to close the months it missed. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(92);
    public static final Duration MIN_INTERVAL = Duration.ofMillis(100);
    public static final Duration MAX_INTERVAL = Duration.ofHours(1);
    public static final Duration MAX_GRACE = Duration.ofDays(1);

    public MonthCloseSettings {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(retention, "retention");
        if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
            throw new IllegalArgumentException("interval must be between 100 ms and 1 h: " + interval);
        }
        if (grace.isNegative() || grace.compareTo(MAX_GRACE) > 0) {
            throw new IllegalArgumentException("grace must be between 0 and 1 day: " + grace);
        }
        // A month must close before it is forgotten, in any zone (UTC-12..+14) and however late the clock ticks.
        Duration needed = grace.plus(interval).plusDays(1);
        if (retention.compareTo(needed) < 0) {
            throw new IllegalArgumentException("retention must be at least grace + interval + 1 day (" + needed + "): " + retention);
        }
    }

    /** Checked every minute, closed 5 minutes after midnight, remembered for 92 days. */
    public static MonthCloseSettings defaults() {
        return new MonthCloseSettings(DEFAULT_INTERVAL, DEFAULT_GRACE, DEFAULT_RETENTION);
    }

    public MonthCloseSettings withInterval(Duration newInterval) {
        return new MonthCloseSettings(newInterval, grace, retention);
    }

    public MonthCloseSettings withGrace(Duration newGrace) {
        return new MonthCloseSettings(interval, newGrace, retention);
    }
}
