package io.ganaka.streams.reportupdates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MonthClockTest {

    @Test
    void aMonthClosesAtTheNextMonthsFirstMidnightInTheZonePlusTheGrace() {
        Duration grace = Duration.ofMinutes(5);

        assertThat(MonthClock.closesAt(2026, 3, ZoneId.of("UTC"), grace)).isEqualTo(Instant.parse("2026-04-01T00:05:00Z"));
        assertThat(MonthClock.closesAt(2026, 3, ZoneId.of("Asia/Kolkata"), grace))
                .isEqualTo(Instant.parse("2026-03-31T18:35:00Z"));
        // Daylight saving time: New York is UTC-4 on 1 April, UTC-5 on 1 January.
        assertThat(MonthClock.closesAt(2026, 3, ZoneId.of("America/New_York"), grace))
                .isEqualTo(Instant.parse("2026-04-01T04:05:00Z"));
        assertThat(MonthClock.closesAt(2026, 12, ZoneId.of("America/New_York"), grace))
                .isEqualTo(Instant.parse("2027-01-01T05:05:00Z"));
    }

    @Test
    void aMonthExpiresTheRetentionAfterItsEndInUtc() {
        Duration retention = Duration.ofDays(10);

        assertThat(MonthClock.expired(2026, 3, Instant.parse("2026-04-10T23:59:59Z"), retention)).isFalse();
        assertThat(MonthClock.expired(2026, 3, Instant.parse("2026-04-11T00:00:00Z"), retention)).isTrue();
    }

    @Test
    void settingsRefuseARetentionShorterThanAMonthCanTakeToClose() {
        assertThatThrownBy(() -> new MonthCloseSettings(Duration.ofMinutes(1), Duration.ofHours(6), Duration.ofHours(20)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retention");
        assertThatThrownBy(() -> MonthCloseSettings.defaults().withInterval(Duration.ofMillis(10)))
                .hasMessageContaining("interval");
        assertThatThrownBy(() -> MonthCloseSettings.defaults().withGrace(Duration.ofSeconds(-1)))
                .hasMessageContaining("grace");
    }
}
