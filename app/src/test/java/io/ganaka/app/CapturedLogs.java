package io.ganaka.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/** Every log line of this JVM while attached, with the MDC of the thread that logged it. */
final class CapturedLogs extends AppenderBase<ILoggingEvent> {

    record Line(String logger, String message, Map<String, String> mdc) {}

    private final List<Line> lines = new CopyOnWriteArrayList<>();

    static CapturedLogs attach() {
        CapturedLogs logs = new CapturedLogs();
        logs.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        logs.start();
        root().addAppender(logs);
        return logs;
    }

    void detach() {
        root().detachAppender(this);
        stop();
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    @Override
    protected void append(ILoggingEvent event) {
        // Read the MDC now, on the logging thread: the event reads it lazily from the current thread.
        lines.add(new Line(event.getLoggerName(), event.getFormattedMessage(), Map.copyOf(event.getMDCPropertyMap())));
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
