package io.ganaka.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload.AlertRaised;
import io.ganaka.schemas.EventPayload.ExpenseAdded;
import io.ganaka.schemas.EventPayload.ReportUpdated;
import io.ganaka.schemas.EventSerde;
import io.ganaka.schemas.JsonSerde;
import io.ganaka.schemas.MonthlyTotal;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.Topic;
import io.ganaka.streams.alerts.AlertSettings;
import io.ganaka.streams.reportupdates.MonthCloseSettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The role's clients as production builds them from settings, the alerts client through the test driver. */
class StreamsAppTest {

    private final Naming naming = new Naming("apps");
    private final String user = UUID.randomUUID().toString();

    @TempDir
    Path stateDir;

    private static final TopologySettings CONFIGURED = new TopologySettings(
            new AlertSettings(new BigDecimal("250.00"), List.of(80, 100), 5, 3.0, 2.0),
            MonthCloseSettings.defaults().withInterval(Duration.ofSeconds(1)).withGrace(Duration.ZERO));

    private StreamsApp alertsClient() {
        return StreamsApp.all(naming, CONFIGURED).stream().filter(app -> app.suffix().equals("alerts")).findFirst()
                .orElseThrow();
    }

    private TopologyTestDriver driver(Instant wallClock) {
        return new TopologyTestDriver(alertsClient().topology(),
                StreamsSettings.singleBroker(naming, "unused:9092", stateDir).toProperties("alerts"), wallClock);
    }

    @Test
    void theAlertsClientRaisesAlertsAtTheConfiguredThreshold() {
        try (TopologyTestDriver driver = driver(Instant.parse("2026-03-15T12:00:00Z"))) {
            Event add = Event.create(user, "corr", new ExpenseAdded(UUID.randomUUID().toString(), 1,
                    new BigDecimal("260.00"), "EUR", "x", null, Instant.parse("2026-03-15T08:00:00Z"), null, List.of(), null));
            driver.createInputTopic(naming.topic(Topic.EXPENSES_CATEGORIZED), new StringSerializer(),
                    new EventSerde().serializer()).pipeInput(user, add);

            List<Event> alerts = driver.createOutputTopic(naming.topic(Topic.ALERTS), new StringDeserializer(),
                    new EventSerde().deserializer()).readValuesToList();
            assertThat(alerts).singleElement().satisfies(event ->
                    assertThat(((AlertRaised) event.data()).threshold()).isEqualByComparingTo("250.00"));
        }
    }

    @Test
    void theAlertsClientAlsoTurnsTheReportsItReadsIntoReportUpdatesAndClosesMonths() {
        try (TopologyTestDriver driver = driver(Instant.parse("2026-03-31T23:59:00Z"))) {
            MonthlyTotal march = new MonthlyTotal(user, 2026, 3, "EUR", new BigDecimal("12.00"), 1);
            driver.createInputTopic(naming.topic(Topic.REPORTS_MONTHLY), new StringSerializer(),
                    new JsonSerde<>(MonthlyTotal.class).serializer()).pipeInput(user, march);
            driver.advanceWallClockTime(Duration.ofMinutes(2));

            List<ReportUpdated> updates = driver.createOutputTopic(naming.topic(Topic.REPORTS_UPDATES),
                    new StringDeserializer(), new EventSerde().deserializer()).readValuesToList().stream()
                    .map(event -> (ReportUpdated) event.data()).toList();
            assertThat(updates).extracting(ReportUpdated::kind).containsExactly("monthly", "month-closed");
        }
    }

    @Test
    void theAlertsClientNeedsTheTopicsOfTheReportUpdatesToo() {
        assertThat(alertsClient().topics()).contains(naming.topic(Topic.REPORTS_SUMMARY),
                naming.topic(Topic.REPORTS_UPDATES), naming.topic(Topic.ALERTS)).doesNotHaveDuplicates();
        assertThat(StreamsRole.topics(naming)).contains(naming.topic(Topic.REPORTS_UPDATES));
    }
}
