package io.ganaka.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ThrottledSampleTest {

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void readsAtMostOncePerInterval() {
        ThrottledSample<Integer> sample =
                new ThrottledSample<>(reads::incrementAndGet, Duration.ofSeconds(5), now::get);

        assertThat(sample.get()).contains(1);
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(sample.get()).contains(1);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(sample.get()).contains(2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void keepsTheLastGoodValueWhenAReadFailsAndWaitsTheIntervalBeforeTryingAgain() {
        ThrottledSample<Integer> sample = new ThrottledSample<>(() -> {
            if (reads.incrementAndGet() == 2) {
                throw new IOException("server did not answer");
            }
            return reads.get();
        }, Duration.ofSeconds(5), now::get);

        assertThat(sample.get()).contains(1);
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(sample.get()).contains(1);
        assertThat(sample.get()).contains(1);
        assertThat(reads).hasValue(2);
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(sample.get()).contains(3);
    }

    @Test
    void isEmptyUntilAReadSucceeds() {
        ThrottledSample<Integer> sample = new ThrottledSample<>(() -> {
            throw new IOException("no server");
        }, Duration.ofSeconds(5), now::get);

        assertThat(sample.get()).isEmpty();
    }
}
