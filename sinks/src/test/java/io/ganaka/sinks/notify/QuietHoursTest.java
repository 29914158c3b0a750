package io.ganaka.sinks.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** When e-mail and SMS wait, and until when: within a day, past midnight, and across daylight-saving changes. */
class QuietHoursTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static QuietHours quiet(String start, String end, ZoneId zone) {
        return new QuietHours(LocalTime.parse(start), LocalTime.parse(end), zone);
    }

    @Test
    void aWindowWithinOneDayHoldsFromItsStartUntilItsEnd() {
        QuietHours lunch = quiet("12:00", "13:30", ZoneId.of("UTC"));
        assertThat(lunch.endIfQuiet(Instant.parse("2026-03-10T11:59:59Z"))).isEmpty();
        assertThat(lunch.endIfQuiet(Instant.parse("2026-03-10T12:00:00Z")))
                .contains(Instant.parse("2026-03-10T13:30:00Z"));
        assertThat(lunch.endIfQuiet(Instant.parse("2026-03-10T13:29:59Z")))
                .contains(Instant.parse("2026-03-10T13:30:00Z"));
        assertThat(lunch.endIfQuiet(Instant.parse("2026-03-10T13:30:00Z"))).isEmpty();
    }

    @Test
    void aWindowPastMidnightEndsTheNextMorningWhenItStartedInTheEvening() {
        QuietHours night = quiet("22:00", "07:00", BERLIN); // CET, UTC+1 in January
        assertThat(night.endIfQuiet(Instant.parse("2026-01-10T20:59:00Z"))).isEmpty(); // 21:59 local
        assertThat(night.endIfQuiet(Instant.parse("2026-01-10T21:00:00Z"))) // 22:00 local
                .contains(Instant.parse("2026-01-11T06:00:00Z"));
        assertThat(night.endIfQuiet(Instant.parse("2026-01-10T23:30:00Z"))) // 00:30 local, the next day
                .contains(Instant.parse("2026-01-11T06:00:00Z"));
        assertThat(night.endIfQuiet(Instant.parse("2026-01-11T05:59:00Z"))) // 06:59 local
                .contains(Instant.parse("2026-01-11T06:00:00Z"));
        assertThat(night.endIfQuiet(Instant.parse("2026-01-11T06:00:00Z"))).isEmpty(); // 07:00 local
    }

    @Test
    void aNightThatLosesAnHourInSpringEndsAtTheLocalEndInSummerTime() {
        // 2026-03-29: Berlin goes from 02:00 CET to 03:00 CEST.
        QuietHours night = quiet("22:00", "07:00", BERLIN);
        assertThat(night.endIfQuiet(Instant.parse("2026-03-28T22:00:00Z"))) // 23:00 CET
                .contains(Instant.parse("2026-03-29T05:00:00Z")); // 07:00 CEST
    }

    @Test
    void aNightThatGainsAnHourInAutumnEndsAtTheLocalEndInWinterTime() {
        // 2026-10-25: Berlin goes from 03:00 CEST back to 02:00 CET.
        QuietHours night = quiet("22:00", "07:00", BERLIN);
        assertThat(night.endIfQuiet(Instant.parse("2026-10-24T21:00:00Z"))) // 23:00 CEST
                .contains(Instant.parse("2026-10-25T06:00:00Z")); // 07:00 CET
    }

    @Test
    void anEndInsideTheSpringGapMovesForwardByTheGap() {
        QuietHours early = quiet("01:00", "02:30", BERLIN); // 02:30 does not exist on 2026-03-29
        assertThat(early.endIfQuiet(Instant.parse("2026-03-29T00:30:00Z"))) // 01:30 CET
                .contains(Instant.parse("2026-03-29T01:30:00Z")); // 03:30 CEST
    }

    @Test
    void anEndThatHappensTwiceInAutumnIsItsFirstOccurrence() {
        QuietHours early = quiet("01:00", "02:30", BERLIN); // 02:30 happens twice on 2026-10-25
        assertThat(early.endIfQuiet(Instant.parse("2026-10-24T23:30:00Z"))) // 01:30 CEST
                .contains(Instant.parse("2026-10-25T00:30:00Z")); // 02:30 CEST, the first
    }

    @Test
    void startAndEndMustDiffer() {
        assertThatThrownBy(() -> quiet("22:00", "22:00", BERLIN)).isInstanceOf(IllegalArgumentException.class);
    }
}
