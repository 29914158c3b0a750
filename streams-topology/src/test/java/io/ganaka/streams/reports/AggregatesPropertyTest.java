package io.ganaka.streams.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random histories of adds, updates (amount, date across month edges, category, currency), deletes, categorizations,
 * duplicates and out-of-order deliveries, for a few users in different time zones: every monthly, category and
 * all-time report (total, count, smallest and largest amount) must equal a recomputation from the final expense states.
 * Amounts often repeat, so that buckets share extremes between expenses. One test driver serves every try; each
 * try has users of its own, so tries never see each other's reports.
 */
class AggregatesPropertyTest {

    private static final AtomicInteger TRIES = new AtomicInteger();
    private static Path stateDir;
    private static AggregatesHarness topology;

    @BeforeContainer
    static void startDriver() throws IOException {
        stateDir = Files.createTempDirectory("ganaka-aggregates-properties");
        topology = new AggregatesHarness(stateDir);
    }

    @AfterContainer
    static void closeDriver() throws IOException {
        topology.close();
        try (var paths = Files.walk(stateDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Property(tries = 1000)
    void everyReportEqualsARecomputationFromTheFinalExpenseStates(@ForAll("histories") ExpenseHistory history) {
        ExpenseHistory.Run run = history.play("t" + TRIES.incrementAndGet() + "-");
        run.deliveries().forEach(topology::send);

        ExpectedReports expected = ExpectedReports.from(run.deliveries(), run.zones());
        String[] users = run.zones().keySet().toArray(String[]::new);
        ExpectedReports.assertExact(topology.monthlyTotals(users), expected.monthly());
        ExpectedReports.assertExact(topology.categoryTotals(users), expected.categories());
        ExpectedReports.assertExact(topology.summaryTotals(users), expected.summaries());
    }

    @Provide
    Arbitrary<ExpenseHistory> histories() {
        return ExpenseHistory.arbitrary();
    }
}
