package io.ganaka.streams.reportupdates;

import static io.ganaka.streams.reportupdates.ReportUpdatesHarness.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.CategoryTotal;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload.ReportLine;
import io.ganaka.schemas.EventPayload.ReportUpdated;
import io.ganaka.schemas.MonthlyTotal;
import io.ganaka.schemas.SummaryTotal;
import io.ganaka.schemas.Topic;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every report record becomes one {@code report.updated} event; through the test driver. */
class ReportUpdatesTopologyTest {

    private static final String FOOD = "01936b2e-8f3a-7c41-9a2b-00000000c001";

    @TempDir
    Path stateDir;

    private ReportUpdatesHarness topology;
    private final String user = UUID.randomUUID().toString();

    @BeforeEach
    void start() {
        topology = new ReportUpdatesHarness(stateDir, MonthCloseSettings.defaults(), Instant.parse("2026-03-15T12:00:00Z"));
    }

    @AfterEach
    void stop() {
        topology.close();
    }

    private static ReportUpdated data(Event event) {
        return (ReportUpdated) event.data();
    }

    @Test
    void aMonthlyTotalBecomesAMonthlyReportUpdatedKeyedByTheUserWithItsOneLine() {
        topology.send(new MonthlyTotal(user, 2026, 3, "EUR", new BigDecimal("12.30"), 2), Instant.parse("2026-03-15T12:00:01Z"));

        List<KeyValue<String, Event>> out = topology.read();

        assertThat(out).singleElement().satisfies(kv -> {
            assertThat(kv.key).isEqualTo(user);
            assertThat(kv.value.type()).isEqualTo("report.updated");
            assertThat(kv.value.userId()).isEqualTo(user);
            assertThat(kv.value.occurredAt()).isEqualTo(Instant.parse("2026-03-15T12:00:01Z"));
            assertThat(data(kv.value)).isEqualTo(new ReportUpdated("monthly", 2026, 3, null,
                    List.of(line(null, "EUR", "12.30", 2)), List.of()));
        });
    }

    @Test
    void aCategoryTotalCarriesItsCategoryInItsLineAndUncategorizedAsNull() {
        topology.send(new CategoryTotal(user, 2026, 3, FOOD, "EUR", new BigDecimal("5.00"), 1));
        topology.send(new CategoryTotal(user, 2026, 3, null, "USD", new BigDecimal("7.00"), 1));

        assertThat(topology.read()).extracting(kv -> data(kv.value)).containsExactly(
                new ReportUpdated("category", 2026, 3, null, List.of(line(FOOD, "EUR", "5.00", 1)), List.of()),
                new ReportUpdated("category", 2026, 3, null, List.of(line(null, "USD", "7.00", 1)), List.of()));
    }

    @Test
    void aCategoryTotalKeepsItsExtremes() {
        topology.send(new CategoryTotal(user, 2026, 3, FOOD, "EUR", new BigDecimal("15.00"), 2,
                new BigDecimal("5.00"), new BigDecimal("10.00")));

        assertThat(topology.read()).extracting(kv -> data(kv.value).totals()).containsExactly(List.of(
                new ReportLine(FOOD, "EUR", new BigDecimal("15.00"), 2, new BigDecimal("5.00"),
                        new BigDecimal("10.00"))));
    }

    @Test
    void anAllTimeTotalBecomesASummaryWithoutYearOrMonthAndKeepsItsExtremes() {
        topology.send(new SummaryTotal(user, "EUR", new BigDecimal("30.00"), 2, new BigDecimal("10.00"),
                new BigDecimal("20.00")));

        assertThat(topology.read()).extracting(kv -> data(kv.value)).containsExactly(new ReportUpdated("summary", null,
                null, null, List.of(new ReportLine(null, "EUR", new BigDecimal("30.00"), 2, new BigDecimal("10.00"),
                        new BigDecimal("20.00"))), List.of()));
    }

    @Test
    void aTotalThatFellToZeroIsReportedToo() {
        topology.send(new MonthlyTotal(user, 2026, 3, "EUR", new BigDecimal("0.00"), 0));

        assertThat(topology.read()).extracting(kv -> data(kv.value).totals())
                .containsExactly(List.of(line(null, "EUR", "0.00", 0)));
    }

    @Test
    void theSameReportRecordProcessedAgainYieldsTheSameEventId() {
        MonthlyTotal total = new MonthlyTotal(user, 2026, 3, "EUR", new BigDecimal("12.30"), 2);
        Instant at = Instant.parse("2026-03-15T12:00:01Z");
        topology.send(total, at);
        topology.send(total, at);

        List<KeyValue<String, Event>> out = topology.read();

        assertThat(out).hasSize(2);
        assertThat(out.get(1).value).isEqualTo(out.get(0).value);
    }

    @Test
    void differentReportsAndATotalReturningToAnEarlierValueGetDifferentIds() {
        Instant at = Instant.parse("2026-03-15T12:00:01Z");
        topology.send(new MonthlyTotal(user, 2026, 3, "EUR", new BigDecimal("10.00"), 1), at);
        topology.send(new MonthlyTotal(user, 2026, 3, "EUR", new BigDecimal("15.00"), 2), at.plusSeconds(1));
        topology.send(new MonthlyTotal(user, 2026, 3, "EUR", new BigDecimal("10.00"), 1), at.plusSeconds(2));
        topology.send(new MonthlyTotal(user, 2026, 4, "EUR", new BigDecimal("10.00"), 1), at);
        topology.send(new MonthlyTotal(user, 2026, 3, "USD", new BigDecimal("10.00"), 1), at);
        topology.send(new MonthlyTotal(UUID.randomUUID().toString(), 2026, 3, "EUR", new BigDecimal("10.00"), 1), at);

        assertThat(topology.read()).extracting(kv -> kv.value.id()).doesNotHaveDuplicates().hasSize(6);
    }

    @Test
    void readsTheReportAndUserTopicsAndWritesTheUpdatesTopic() {
        io.ganaka.schemas.Naming naming = new io.ganaka.schemas.Naming("x");

        assertThat(ReportUpdatesTopology.topics(naming)).containsExactlyInAnyOrder(naming.topic(Topic.USERS),
                naming.topic(Topic.REPORTS_MONTHLY), naming.topic(Topic.REPORTS_CATEGORIES),
                naming.topic(Topic.REPORTS_SUMMARY), naming.topic(Topic.REPORTS_UPDATES));
    }

    @Test
    void undecodableRecordsOnAnyInputAreSkippedAndTheNextOnesStillCount() {
        byte[] garbage = "{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (Topic topic : List.of(Topic.USERS, Topic.REPORTS_MONTHLY, Topic.REPORTS_CATEGORIES, Topic.REPORTS_SUMMARY)) {
            topology.sendRaw(topic, user, garbage);
        }

        topology.send(new SummaryTotal(user, "EUR", new BigDecimal("1.00"), 1, null, null));

        assertThat(topology.read()).extracting(kv -> data(kv.value).kind()).containsExactly("summary");
    }
}
