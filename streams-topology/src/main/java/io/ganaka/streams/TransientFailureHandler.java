package io.ganaka.streams;

import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what happens when a stream thread dies: a transient (retriable) failure gets a fresh thread, anything else
 * stops this client, because replaying the same record would fail the same way forever.
 */
final class TransientFailureHandler implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(TransientFailureHandler.class);

    @Override
    public StreamThreadExceptionResponse handle(Throwable failure) {
        if (isTransient(failure)) {
            LOG.warn("Stream thread failed transiently; replacing it", failure);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        LOG.error("Stream thread failed permanently; stopping the streams role", failure);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    static boolean isTransient(Throwable failure) {
        // Kafka wraps the real cause (often twice) in StreamsException, so look down the whole chain.
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetriableException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
