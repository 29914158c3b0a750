package io.ganaka.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the event decoder (see docs/fuzzing.md). Its contract: any bytes either decode to an
 * event or throw {@link EventDecodingException}, never anything else; and what decodes re-encodes to a stable form
 * (JSON {@code null} and an absent field may decode differently, to a NullNode or null, so the check compares the
 * encoded bytes of a second round trip, not the records). Without
 * JAZZER_FUZZ=1 this replays the seeds in {@code EventCodecFuzzTestInputs/decode/} as a regression test.
 */
class EventCodecFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void decode(byte[] input) {
        Event event;
        try {
            event = EventCodec.decode(input);
        } catch (EventDecodingException refused) {
            return;
        }
        byte[] once = EventCodec.encode(event);
        assertThat(EventCodec.encode(EventCodec.decode(once))).isEqualTo(once);
    }
}
