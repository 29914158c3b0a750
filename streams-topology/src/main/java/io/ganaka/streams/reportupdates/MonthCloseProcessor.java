package io.ganaka.streams.reportupdates;

import io.ganaka.schemas.CategoryTotal;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload.ReportLine;
import io.ganaka.schemas.EventPayload.ReportUpdated;
import io.ganaka.schemas.EventPayload.UserDeleted;
import io.ganaka.schemas.EventPayload.UserRegistered;
import io.ganaka.schemas.EventPayload.UserUpdated;
import io.ganaka.schemas.EventType;
import io.ganaka.schemas.MonthlyTotal;
import io.ganaka.streams.reports.UserTimezoneMapper;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Emits each user's month-closed summary once per month. It keeps every open month's totals and category lines as
 * the reports change, each user's time zone and deletions; a wall-clock punctuator closes the months that ended in
 * their user's zone more than the grace ago: it emits the summary, drops the lines and marks the month closed. The
 * mark, kept until the month is forgotten, is what makes a late change or a restart not close it again. Stores and
 * output commit together (exactly-once), so a crash between them cannot lose or repeat a summary.
 */
final class MonthCloseProcessor implements Processor<String, Object, String, Event> {

    static final String KIND = "month-closed";
    private static final ZoneId UTC = ZoneId.of("UTC");

    private final MonthCloseSettings settings;
    private final UserTimezoneMapper zones = new UserTimezoneMapper();
    private ProcessorContext<String, Event> context;
    private KeyValueStore<String, UserClock> users;
    private KeyValueStore<String, MonthStatus> months;
    private KeyValueStore<String, ReportLine> lines;

    MonthCloseProcessor(MonthCloseSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, Event> context) {
        this.context = context;
        this.users = context.getStateStore(MonthCloseStores.USERS);
        this.months = context.getStateStore(MonthCloseStores.MONTHS);
        this.lines = context.getStateStore(MonthCloseStores.LINES);
        context.schedule(settings.interval(), PunctuationType.WALL_CLOCK_TIME, this::closeEndedMonths);
    }

    @Override
    public void process(Record<String, Object> record) {
        if (record.value() instanceof Event event) {
            track(event);
        } else if (record.value() instanceof MonthlyTotal t && t.userId() != null) {
            keep(t.userId(), t.year(), t.month(), MonthCloseStores.totalKey(t.userId(), t.year(), t.month(), t.currency()),
                    new ReportLine(null, t.currency(), t.total(), t.count(), t.min(), t.max()));
        } else if (record.value() instanceof CategoryTotal t && t.userId() != null) {
            keep(t.userId(), t.year(), t.month(),
                    MonthCloseStores.categoryKey(t.userId(), t.year(), t.month(), t.categoryId(), t.currency()),
                    new ReportLine(t.categoryId(), t.currency(), t.total(), t.count(), t.min(), t.max()));
        }
    }

    private void track(Event event) {
        String userId = event.userId();
        if (event.data() instanceof UserDeleted) {
            MonthCloseStores.deletePrefix(lines, userId + "|");
            MonthCloseStores.deletePrefix(months, userId + "|");
            users.put(userId, UserClock.DELETED);
        } else if (event.data() instanceof UserRegistered || event.data() instanceof UserUpdated) {
            UserClock known = users.get(userId);
            if (known == null || !known.deleted()) {
                zones.apply(event).forEach(zone -> users.put(userId, new UserClock(zone, false)));
            }
        }
    }

    /** Keeps the latest value of one line of an open month; lines without expenses are not kept. */
    private void keep(String userId, int year, int month, String lineKey, ReportLine line) {
        UserClock user = users.get(userId);
        if (user != null && user.deleted()) {
            return;
        }
        String monthKey = MonthCloseStores.monthKey(userId, year, month);
        MonthStatus status = months.get(monthKey);
        if (status != null && status.closed()) {
            return; // a late change: the reports take it, the summary already went out
        }
        if (status == null && MonthClock.expired(year, month, Instant.ofEpochMilli(context.currentSystemTimeMs()),
                settings.retention())) {
            return; // closed and forgotten long ago, or older than anything this topology closes
        }
        if (line.count() <= 0) {
            lines.delete(lineKey);
            return;
        }
        lines.put(lineKey, line);
        if (status == null) {
            months.put(monthKey, MonthStatus.open(userId, year, month));
        }
    }

    private void closeEndedMonths(long now) {
        Instant clock = Instant.ofEpochMilli(now);
        List<KeyValue<String, MonthStatus>> ended = new ArrayList<>();
        List<String> forgotten = new ArrayList<>();
        try (KeyValueIterator<String, MonthStatus> all = months.all()) {
            all.forEachRemaining(entry -> {
                MonthStatus month = entry.value;
                if (month.closed()) {
                    if (MonthClock.expired(month.year(), month.month(), clock, settings.retention())) {
                        forgotten.add(entry.key);
                    }
                } else if (!clock.isBefore(MonthClock.closesAt(month.year(), month.month(), zoneOf(month.userId()),
                        settings.grace()))) {
                    ended.add(entry);
                }
            });
        }
        forgotten.forEach(months::delete);
        ended.forEach(entry -> close(entry.key, entry.value, now));
    }

    private void close(String monthKey, MonthStatus month, long now) {
        List<ReportLine> totals = new ArrayList<>();
        List<ReportLine> categories = new ArrayList<>();
        for (KeyValue<String, ReportLine> line : MonthCloseStores.withPrefix(lines, monthKey + "|")) {
            (MonthCloseStores.isTotalKey(line.key) ? totals : categories).add(line.value);
            lines.delete(line.key);
        }
        months.put(monthKey, month.closedAt(now));
        if (totals.isEmpty()) {
            return; // every expense of the month was deleted again: nothing to summarize
        }
        ZoneId zone = zoneOf(month.userId());
        ReportUpdated summary = new ReportUpdated(KIND, month.year(), month.month(), zone.getId(),
                totals, categories);
        Event event = new Event(ReportEventIds.monthClosed(month.userId(), month.year(), month.month()),
                EventType.REPORT_UPDATED.wireName(), Event.CURRENT_SCHEMA_VERSION, Instant.ofEpochMilli(now),
                month.userId(), null, summary);
        context.forward(new Record<>(month.userId(), event, now));
    }

    /** The user's zone; UTC when it is not known, as in the reports. */
    private ZoneId zoneOf(String userId) {
        UserClock user = users.get(userId);
        if (user == null || user.zone() == null || user.zone().equals(ZoneOffset.UTC.getId())) {
            return UTC;
        }
        try {
            return ZoneId.of(user.zone());
        } catch (DateTimeException e) {
            // Stored by a JVM whose zone database knew the id and this one does not.
            return UTC;
        }
    }
}
