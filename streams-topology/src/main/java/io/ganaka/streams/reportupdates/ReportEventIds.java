package io.ganaka.streams.reportupdates;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Ids of {@code report.updated} events derived from what they report (UUID v3), so reprocessing or replaying the
 * same report record yields the same id and consumers can dedupe on it.
 */
final class ReportEventIds {

    private ReportEventIds() {}

    /**
     * A change of one report: the topic it was read from, the report's key (user and bucket, never a partition), its
     * content and the report record's timestamp. The timestamp tells apart a total that returns to an earlier value
     * (10, 15, 10) from a repetition of the first one.
     */
    static String change(String topicBaseName, String reportKey, String content, long timestamp) {
        return of("change|" + topicBaseName + "|" + reportKey + "|" + content + "|" + timestamp);
    }

    /** A month's close: there is one per user and month, so the id names just that. */
    static String monthClosed(String userId, int year, int month) {
        return of("month-closed|" + userId + "|" + year + "|" + month);
    }

    private static String of(String name) {
        return UUID.nameUUIDFromBytes(("ganaka/report/" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
