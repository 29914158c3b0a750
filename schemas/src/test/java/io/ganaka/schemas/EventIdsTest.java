package io.ganaka.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void aNewIdCarriesTheMillisecondItWasMade() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String id = EventIds.newId();
        Instant after = Instant.now();

        assertThat(EventIds.createdAt(id)).hasValueSatisfying(
                made -> assertThat(made).isBetween(before, after));
    }

    @Test
    void readsTheTimeOfAKnownUuidV7() {
        // 0x018f3c5a1b2c ms since the epoch = 2024-05-01T13:38:35.820Z
        assertThat(EventIds.createdAt("018f3c5a-1b2c-7def-8123-456789abcdef"))
                .contains(Instant.ofEpochMilli(0x018f3c5a1b2cL));
    }

    @Test
    void anIdThatIsNoUuidV7HasNoCreationTime() {
        assertThat(EventIds.createdAt(UUID.nameUUIDFromBytes(new byte[] {1}).toString())).isEmpty();
        assertThat(EventIds.createdAt(UUID.randomUUID().toString())).isEmpty();
        assertThat(EventIds.createdAt("not-a-uuid")).isEmpty();
        assertThat(EventIds.createdAt(null)).isEmpty();
    }
}
