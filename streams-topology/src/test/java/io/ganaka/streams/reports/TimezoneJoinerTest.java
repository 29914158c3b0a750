package io.ganaka.streams.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.Event;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimezoneJoinerTest {

    private final TimezoneJoiner joiner = new TimezoneJoiner();
    private final Event event = ExpenseEvents.added("u1", "e1", "1.00", "EUR", "2026-03-15T12:00:00Z");

    @Test
    void pairsTheEventWithItsUsersZone() {
        assertThat(joiner.apply(event, "Asia/Kolkata")).isEqualTo(new ZonedEvent(event, ZoneId.of("Asia/Kolkata")));
    }

    @Test
    void aUserWithoutAKnownZoneCountsInUtc() {
        assertThat(joiner.apply(event, null)).isEqualTo(new ZonedEvent(event, ZoneOffset.UTC));
    }
}
