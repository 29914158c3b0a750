package io.ganaka.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The console log format, {@code LOG_FORMAT} ({@code json} or {@code text}), which {@code logback.xml} reads. JSON
 * is the default, for log shippers; {@code ganaka dev} switches to text for the person watching the terminal, unless
 * {@code LOG_FORMAT} says otherwise.
 */
final class LogFormat {

    static final String KEY = "LOG_FORMAT";
    static final List<String> VALUES = List.of("json", "text");

    private LogFormat() {}

    /** Before anything is logged: text for {@code dev} when the environment does not choose. */
    static void chooseFor(List<String> args, String configured) {
        boolean unset = configured == null || configured.isBlank();
        if (unset && !args.isEmpty() && args.get(0).equals("dev") && System.getProperty(KEY) == null) {
            System.setProperty(KEY, "text");
            reload();
        }
    }

    private static void reload() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another SLF4J binding (an embedding application's): its own configuration applies
        }
        context.reset();
        try {
            new ContextInitializer(context).autoConfig();
        } catch (JoranException e) {
            // logback reports configuration problems on its status console itself; the defaults stand meanwhile.
        }
    }
}
