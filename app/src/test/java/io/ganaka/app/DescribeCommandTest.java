package io.ganaka.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DescribeCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void streamsDescribePrintsEveryTopologyAndExitsWithoutStartingAnything() throws Exception {
        int status = Ganaka.run(List.of("streams", "--describe"), print(out), print(err));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).isZero();
        assertThat(printed).contains("# categorize", "dedupe-events", "categorize-expenses", "seen-event-ids",
                "ganaka.expenses.categorized");
        assertThat(printed).contains("# reports (application id ");
        assertThat(printed).contains("# alerts (application id ", "detect-expense-alerts", "detect-category-budget-alerts",
                "ganaka.alerts");
        // The report updates run inside the alerts client.
        assertThat(printed).contains("to-report-updates", "close-months", "month-close-months", "ganaka.reports.updates");
    }

    @Test
    void describeWithAnythingButStreamsIsRefused() throws Exception {
        int status = Ganaka.run(List.of("api", "--describe"), print(out), print(err));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ganaka streams --describe");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
