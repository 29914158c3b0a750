package io.ganaka.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PreferWaitTest {

    private static Optional<Duration> parse(String... headers) {
        return PreferWait.parse(List.of(headers));
    }

    @Test
    void readsTheWaitInSeconds() {
        assertThat(parse("wait=10")).contains(Duration.ofSeconds(10));
        assertThat(parse("WAIT = 3")).contains(Duration.ofSeconds(3));
        assertThat(parse("wait=\"7\"")).contains(Duration.ofSeconds(7));
    }

    @Test
    void findsTheWaitAmongOtherPreferencesAndParameters() {
        assertThat(parse("return=representation, wait=5")).contains(Duration.ofSeconds(5));
        assertThat(parse("respond-async; foo=\"a,b;c\", wait=4;bar")).contains(Duration.ofSeconds(4));
        assertThat(parse("return=minimal", "wait=2")).contains(Duration.ofSeconds(2));
    }

    @Test
    void capsLongWaitsAtTheMaximum() {
        assertThat(parse("wait=31")).contains(PreferWait.MAX);
        assertThat(parse("wait=99999999999999999999")).contains(PreferWait.MAX);
    }

    @Test
    void ignoresAbsentZeroAndInvalidWaits() {
        assertThat(parse()).isEmpty();
        assertThat(parse("return=minimal")).isEmpty();
        assertThat(parse("wait=0")).isEmpty();
        assertThat(parse("wait")).isEmpty();
        assertThat(parse("wait=")).isEmpty();
        assertThat(parse("wait=-5")).isEmpty();
        assertThat(parse("wait=1.5")).isEmpty();
        assertThat(parse("wait=ten")).isEmpty();
        assertThat(parse("waiting=5")).isEmpty();
        assertThat(parse("wait=\"unterminated")).isEmpty();
    }

    @Test
    void onlyTheFirstWaitCounts() {
        assertThat(parse("wait=3, wait=9")).contains(Duration.ofSeconds(3));
        assertThat(parse("wait=x", "wait=9")).isEmpty();
    }

    @Test
    void preferenceAppliedNamesTheSecondsWaited() {
        assertThat(PreferWait.applied(Duration.ofSeconds(10))).isEqualTo("wait=10");
    }
}
