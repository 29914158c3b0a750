package io.ganaka.streams.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload.UserLoggedIn;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class UserTimezoneMapperTest {

    private final UserTimezoneMapper mapper = new UserTimezoneMapper();

    @Test
    void takesTheZoneOfARegistration() {
        assertThat(mapper.apply(ExpenseEvents.registered("u1", "Asia/Kolkata"))).containsExactly("Asia/Kolkata");
    }

    @Test
    void takesTheZoneOfAProfileUpdate() {
        assertThat(mapper.apply(ExpenseEvents.timezoneChanged("u1", "America/New_York"))).containsExactly("America/New_York");
    }

    @Test
    void aMissingZoneIsUtc() {
        assertThat(mapper.apply(ExpenseEvents.registered("u1", null))).containsExactly(ZoneOffset.UTC.getId());
    }

    @Test
    void anUnknownZoneIsUtc() {
        assertThat(mapper.apply(ExpenseEvents.timezoneChanged("u1", "Mars/Olympus_Mons"))).containsExactly(ZoneOffset.UTC.getId());
    }

    @Test
    void ignoresOtherUserEvents() {
        assertThat(mapper.apply(Event.create("u1", "test", new UserLoggedIn("password")))).isEmpty();
    }
}
