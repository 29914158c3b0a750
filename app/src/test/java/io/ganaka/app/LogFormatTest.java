package io.ganaka.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.schemas.Correlation;
import io.ganaka.schemas.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The console format of the shipped {@code logback.xml}: a JSON object a line by default, text when asked. */
class LogFormatTest {

    @Test
    void logsOneJsonObjectALineWithTheCorrelationIdByDefault() throws Exception {
        String out = logThroughShippedConfiguration(null, "expense 42 \"accepted\"");

        JsonNode line = Json.MAPPER.readTree(out.strip());
        assertThat(out.strip()).doesNotContain("\n");
        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.get("loggerName").asText()).isEqualTo("io.ganaka.test");
        assertThat(line.get("formattedMessage").asText()).isEqualTo("expense 42 \"accepted\"");
        assertThat(line.get("mdc").get("correlationId").asText()).isEqualTo("req-1");
        assertThat(line.get("timestamp").asLong()).isPositive();
        // The pattern Grafana's Loki data source links correlation ids with (grafana/provisioning/datasources).
        assertThat(out).contains("\"correlationId\":\"req-1\"");
    }

    @Test
    void logsReadableTextWhenLogFormatIsText() throws Exception {
        String out = logThroughShippedConfiguration("text", "expense 42 accepted");

        assertThat(out).matches("(?s)\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[.*] io\\.ganaka\\.test \\[req-1] - expense 42 accepted\\R");
    }

    @Test
    void devChoosesTextOnlyWhenTheEnvironmentDoesNot() {
        String before = System.getProperty(LogFormat.KEY);
        try {
            System.clearProperty(LogFormat.KEY);
            LogFormat.chooseFor(List.of("api"), null);
            assertThat(System.getProperty(LogFormat.KEY)).isNull();
            LogFormat.chooseFor(List.of("dev"), "json");
            assertThat(System.getProperty(LogFormat.KEY)).isNull();
            LogFormat.chooseFor(List.of("dev"), null);
            assertThat(System.getProperty(LogFormat.KEY)).isEqualTo("text");
        } finally {
            if (before == null) {
                System.clearProperty(LogFormat.KEY);
            } else {
                System.setProperty(LogFormat.KEY, before);
            }
        }
    }

    @SuppressWarnings("try") // the scope is held for the MDC entries it sets, never referenced
    private static String logThroughShippedConfiguration(String format, String message) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter()); // the one Correlation writes to
        if (format != null) {
            context.putProperty(LogFormat.KEY, format);
        }
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (Correlation.Scope ignored = Correlation.open("req-1")) {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
            context.getLogger("io.ganaka.test").info(message);
        } finally {
            context.stop();
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
