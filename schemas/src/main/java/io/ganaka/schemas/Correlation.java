package io.ganaka.schemas;

import org.slf4j.MDC;

/**
 * The correlation id of a request, carried from the API's request id through every event it causes ({@link
 * Event#correlationId()}) to the notifications at the end. Each role puts it in the logging MDC under {@link #MDC_KEY}
 * while it works on one request or event, so every log line about it can be found by that id.
 */
public final class Correlation {

    /** The MDC key, and so the field of every JSON log line (under {@code mdc}). */
    public static final String MDC_KEY = "correlationId";
    /**
     * The MDC key of the event a notification answers: notifications are dispatched later from their rows, which keep
     * that event's id rather than the request's, so their lines carry this key and the intake's line carries both.
     */
    public static final String SOURCE_EVENT_MDC_KEY = "sourceEventId";
    /** The JetStream message header the API sets, so the bridge learns the id without decoding the event. */
    public static final String NATS_HEADER = "Ganaka-Correlation-Id";

    private Correlation() {}

    /** Puts {@code correlationId} in the MDC until the scope closes; a null id changes nothing. */
    public static Scope open(String correlationId) {
        if (correlationId == null || correlationId.isBlank()) {
            return () -> { };
        }
        String previous = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, correlationId);
        return () -> {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previous);
            }
        };
    }

    /** The MDC entry of one unit of work; closing it restores what was there before. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
