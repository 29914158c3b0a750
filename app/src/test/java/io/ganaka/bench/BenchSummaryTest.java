package io.ganaka.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BenchSummaryTest {

    @Test
    void percentilesAreInMillisecondsFromRecordedNanoseconds() {
        Latency latency = new Latency();
        for (int ms = 1; ms <= 100; ms++) {
            latency.recordNanos(TimeUnit.MILLISECONDS.toNanos(ms));
        }

        Latency.Percentiles p = latency.percentiles();

        assertThat(p.count()).isEqualTo(100);
        assertThat(p.p50()).isBetween(49.9, 50.1);
        assertThat(p.p95()).isBetween(94.9, 95.1);
        assertThat(p.p99()).isBetween(98.9, 99.1);
        assertThat(p.max()).isBetween(99.9, 100.1);
    }

    @Test
    void anEmptyHistogramPrintsDashes() {
        Table table = new Table("latency ms", "count", "p50");
        Report.add(table, "GET /dashboard", new Latency().percentiles());

        assertThat(table.render()).contains("GET /dashboard      0    -");
    }

    @Test
    void aPushSeenBeforeItsAnswerIsStillMeasuredOnce() {
        Latency endToEnd = new Latency();
        Tracker tracker = new Tracker(endToEnd);

        tracker.seen("a", 5_000_000);
        tracker.accepted("a", 1_000_000);
        tracker.seen("a", 9_000_000);
        tracker.accepted("b", 1_000_000);
        tracker.seen("b", 3_000_000);
        tracker.seen("b", 8_000_000);
        tracker.accepted("c", 1_000_000);

        assertThat(tracker.accepted()).isEqualTo(3);
        assertThat(tracker.pushed()).isEqualTo(2);
        assertThat(tracker.acceptedIds()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(endToEnd.percentiles().max()).isBetween(3.99, 4.01);
    }

    @Test
    void exactlyOnceNeedsEveryAcceptedRowAndNothingElse() {
        assertThat(new Delivery(10, 10, 9, 0, 0).exactlyOnce()).isTrue();
        assertThat(new Delivery(10, 9, 9, 0, 0).exactlyOnce()).isFalse();
        assertThat(new Delivery(10, 10, 10, 1, 0).exactlyOnce()).isFalse();
        assertThat(new Delivery(10, 10, 10, 0, 2).exactlyOnce()).isFalse();
        assertThat(new Delivery(10, 9, 8, 0, 0).missingInPostgres()).isEqualTo(1);
        assertThat(new Delivery(10, 9, 8, 0, 0).notPushed()).isEqualTo(2);
    }

    @Test
    void ratesAreCountsOverSeconds() {
        assertThat(Report.perSecond(1_000, 2.0)).isEqualTo(500.0);
        assertThat(Report.perSecond(1_000, 0)).isZero();
    }

    @Test
    void tablesAlignTheirColumns() {
        String text = new Table("stage", "per s").row("Redis", 123_456.0).row("Kafka produce", 9L).render();

        assertThat(text.lines()).containsExactly(
                "stage              per s",
                "------------------------",
                "Redis          123456.00",
                "Kafka produce          9");
    }

    @Test
    void theUpsertHasOnePlaceholderGroupPerRow() {
        String sql = StageProbes.upsertSql("scratch", 3);

        assertThat(sql).contains("VALUES (?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?) ON CONFLICT");
        assertThat(sql).endsWith("WHERE scratch.version < EXCLUDED.version");
    }
}
