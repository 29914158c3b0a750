package io.ganaka.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class TransientFailureHandlerTest {

    private final TransientFailureHandler handler = new TransientFailureHandler();

    @Test
    void replacesTheThreadAfterATransientFailureWrappedByStreams() {
        Throwable failure = new StreamsException(new StreamsException(new TimeoutException("broker slow")));
        assertThat(handler.handle(failure)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    @Test
    void stopsTheClientAfterAFailureThatWouldRepeat() {
        Throwable failure = new StreamsException(new IllegalStateException("bug"));
        assertThat(handler.handle(failure)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }
}
