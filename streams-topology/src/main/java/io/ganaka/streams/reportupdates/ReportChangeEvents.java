package io.ganaka.streams.reportupdates;

import io.ganaka.schemas.CategoryTotal;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload.ReportLine;
import io.ganaka.schemas.EventPayload.ReportUpdated;
import io.ganaka.schemas.EventType;
import io.ganaka.schemas.MonthlyTotal;
import io.ganaka.schemas.SummaryTotal;
import io.ganaka.schemas.Topic;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Turns one record of a report topic into its {@code report.updated} event: kind {@code monthly}, {@code category}
 * or {@code summary}, with the record's total as the one line of {@code totals}. The event is stamped with the
 * record's timestamp and gets an id derived from the record, so the same record always yields the same event.
 */
final class ReportChangeEvents {

    static final String MONTHLY = "monthly";
    static final String CATEGORY = "category";
    static final String SUMMARY = "summary";

    private ReportChangeEvents() {}

    /** The event of a {@link MonthlyTotal}, {@link CategoryTotal} or {@link SummaryTotal}; empty for anything else. */
    static Optional<Event> of(Object report, long timestamp) {
        if (report instanceof MonthlyTotal t && t.userId() != null) {
            ReportLine line = new ReportLine(null, t.currency(), t.total(), t.count(), t.min(), t.max());
            return Optional.of(event(Topic.REPORTS_MONTHLY, t.userId(), key(t.year(), t.month(), t.currency()),
                    new ReportUpdated(MONTHLY, t.year(), t.month(), null, List.of(line), List.of()), timestamp));
        }
        if (report instanceof CategoryTotal t && t.userId() != null) {
            ReportLine line = new ReportLine(t.categoryId(), t.currency(), t.total(), t.count(), t.min(), t.max());
            return Optional.of(event(Topic.REPORTS_CATEGORIES, t.userId(),
                    key(t.year(), t.month(), t.categoryId(), t.currency()),
                    new ReportUpdated(CATEGORY, t.year(), t.month(), null, List.of(line), List.of()), timestamp));
        }
        if (report instanceof SummaryTotal t && t.userId() != null) {
            ReportLine line = new ReportLine(null, t.currency(), t.total(), t.count(), t.min(), t.max());
            return Optional.of(event(Topic.REPORTS_SUMMARY, t.userId(), key(t.currency()),
                    new ReportUpdated(SUMMARY, null, null, null, List.of(line), List.of()), timestamp));
        }
        return Optional.empty();
    }

    private static Event event(Topic topic, String userId, String bucket, ReportUpdated data, long timestamp) {
        ReportLine line = data.totals().get(0);
        String content = plain(line.total()) + "|" + line.count() + "|" + plain(line.min()) + "|" + plain(line.max());
        String id = ReportEventIds.change(topic.baseName(), userId + "|" + bucket, content, timestamp);
        return new Event(id, EventType.REPORT_UPDATED.wireName(), Event.CURRENT_SCHEMA_VERSION,
                Instant.ofEpochMilli(timestamp), userId, null, data);
    }

    private static String key(Object... parts) {
        StringBuilder key = new StringBuilder();
        for (Object part : parts) {
            key.append(key.isEmpty() ? "" : "|").append(part == null ? "-" : part);
        }
        return key.toString();
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "-" : amount.toPlainString();
    }
}
