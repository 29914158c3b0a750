package io.ganaka.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void readsCanonicalUuidsInEitherCase() {
        UUID id = UUID.randomUUID();

        assertThat(Ids.parse(id.toString())).contains(id);
        assertThat(Ids.parse(id.toString().toUpperCase())).contains(id);
    }

    @Test
    void refusesTheLenientFormsUuidFromStringWouldAccept() {
        assertThat(Ids.parse("1-1-1-1-1")).isEmpty();
        assertThat(Ids.parse("0001-0001-0001-0001-000000000001")).isEmpty();
    }

    @Test
    void refusesAnythingElse() {
        assertThat(Ids.parse("not-a-uuid")).isEmpty();
        assertThat(Ids.parse("")).isEmpty();
        assertThat(Ids.parse(null)).isEmpty();
    }
}
