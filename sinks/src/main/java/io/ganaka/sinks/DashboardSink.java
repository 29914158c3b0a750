package io.ganaka.sinks;

import io.ganaka.schemas.CategoryTotal;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.JsonSerde;
import io.ganaka.schemas.MonthlyTotal;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.Topic;
import io.ganaka.schemas.dashboard.DashboardDraft;
import io.ganaka.schemas.dashboard.DashboardKeys;
import io.ganaka.schemas.dashboard.DashboardQueries;
import io.ganaka.schemas.dashboard.DashboardState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Keeps each user's dashboard in Redis current from the categorized expenses, the monthly and per-category reports and
 * the alerts, and deletes it when the account is deleted ({@code user.deleted} on the users topic): per batch one pipelined read of the users' dashboards, the merge in memory, one pipelined
 * compare-and-set write, then a {@code dashboard.changed} push per user whose dashboard changed. A user without a
 * cached dashboard (or whose month or time zone changed) starts from the database. Every record is applied once (the
 * dashboard keeps the offsets it applied), so a replay from offset 0 writes nothing.
 */
final class DashboardSink implements Sink<DashboardInput> {

    /** Compare-and-set rounds before the batch is given back to the runner to retry. */
    private static final int MAX_ROUNDS = 5;
    private static final String DISMISSED = """
            SELECT user_id, alert_id FROM alerts
            WHERE user_id = ANY(?) AND alert_id = ANY(?) AND dismissed_at IS NOT NULL""";

    private final Naming naming;
    private final DashboardCacheWriter cache;
    private final LivePushes pushes;
    private final Clock clock;
    private final ExpenseRefillGate refills;
    private final Deserializer<MonthlyTotal> monthly = new JsonSerde<>(MonthlyTotal.class).deserializer();
    private final Deserializer<CategoryTotal> category = new JsonSerde<>(CategoryTotal.class).deserializer();

    DashboardSink(Naming naming, DashboardCacheWriter cache, LivePushes pushes, Clock clock) {
        this.naming = naming;
        this.cache = cache;
        this.pushes = pushes;
        this.clock = clock;
        this.refills = new ExpenseRefillGate(clock);
    }

    @Override
    public String name() {
        return "dashboard";
    }

    @Override
    public String topic() {
        return naming.topic(Topic.EXPENSES_CATEGORIZED);
    }

    @Override
    public List<String> topics() {
        return List.of(topic(), naming.topic(Topic.REPORTS_MONTHLY), naming.topic(Topic.REPORTS_CATEGORIES),
                naming.topic(Topic.ALERTS), naming.topic(Topic.USERS));
    }

    @Override
    public Optional<DashboardInput> decode(ConsumerRecord<byte[], byte[]> record) throws PoisonRecordException {
        String source = record.topic() + "-" + record.partition();
        long offset = record.offset();
        if (record.topic().equals(naming.topic(Topic.REPORTS_MONTHLY))) {
            Optional<MonthlyTotal> total = ReportRecords.decode(record, monthly, "monthly total");
            return total.isEmpty() ? Optional.empty() : Optional.of(new DashboardInput.Monthly(
                    EventRecords.uuid(total.get().userId(), "userId"), source, offset, total.get()));
        }
        if (record.topic().equals(naming.topic(Topic.REPORTS_CATEGORIES))) {
            Optional<CategoryTotal> total = ReportRecords.decode(record, category, "category total");
            return total.isEmpty() ? Optional.empty() : Optional.of(new DashboardInput.Category(
                    EventRecords.uuid(total.get().userId(), "userId"), source, offset, total.get()));
        }
        Optional<Event> decoded = EventRecords.decode(record);
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        Event event = decoded.get();
        UUID user = EventRecords.uuid(event.userId(), "userId");
        String correlation = event.correlationId();
        if (event.data() instanceof EventPayload.ExpenseChange change) {
            if (change.amount() == null || change.currency() == null || change.occurredAt() == null) {
                throw new PoisonRecordException("expense " + change.expenseId() + " lacks amount, currency or date");
            }
            return Optional.of(new DashboardInput.ExpenseChanged(user, source, offset, correlation, change));
        }
        if (event.data() instanceof EventPayload.ExpenseDeleted deleted) {
            return Optional.of(new DashboardInput.ExpenseDeleted(user, source, offset, correlation, deleted));
        }
        if (event.data() instanceof EventPayload.ExpenseCategorized categorized) {
            return Optional.of(new DashboardInput.ExpenseCategorized(user, source, offset, correlation, categorized));
        }
        if (event.data() instanceof EventPayload.UserDeleted) {
            return Optional.of(new DashboardInput.AccountDeleted(user, source, offset));
        }
        if (event.data() instanceof EventPayload.AlertRaised alert) {
            EventRecords.uuid(alert.alertId(), "alertId");
            return Optional.of(new DashboardInput.Alert(user, source, offset, correlation, alert,
                    event.occurredAt()));
        }
        return Optional.empty();
    }

    @Override
    public void write(Connection connection, List<DashboardInput> batch) throws SQLException {
        Map<UUID, List<DashboardInput>> byUser = new LinkedHashMap<>();
        batch.forEach(input -> byUser.computeIfAbsent(input.userId(), u -> new ArrayList<>()).add(input));
        Map<UUID, String> zones = DashboardQueries.timezones(connection, byUser.keySet());
        Set<List<String>> dismissed = dismissed(connection, batch);
        Instant now = clock.instant();
        Set<UUID> pending = new HashSet<>(byUser.keySet());
        List<Merged> written = new ArrayList<>();
        for (int round = 0; round < MAX_ROUNDS && !pending.isEmpty(); round++) {
            Map<UUID, DashboardCacheWriter.Stored> stored = cache.read(pending);
            List<Merged> merged = new ArrayList<>();
            for (UUID user : pending) {
                merge(connection, user, byUser.get(user), zones.get(user), stored.get(user), dismissed, now)
                        .ifPresent(merged::add);
            }
            Set<UUID> lost = cache.compareAndSet(merged.stream().map(Merged::write).toList());
            merged.stream().filter(m -> !lost.contains(m.write().userId())).forEach(written::add);
            pending = lost;
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException(pending.size() + " dashboards kept changing under the sink; retrying");
        }
        for (Merged m : written) {
            if (m.pushed() && m.write().state() != null) {
                pushes.dashboardChanged(m.correlationId(), m.write().state().dashboard());
            }
        }
    }

    /** A dashboard to write, and whether what clients see changed. */
    private record Merged(DashboardCacheWriter.Write write, boolean pushed, String correlationId) {}

    private Optional<Merged> merge(Connection connection, UUID user, List<DashboardInput> inputs, String zone,
                                   DashboardCacheWriter.Stored stored, Set<List<String>> dismissed, Instant now)
            throws SQLException {
        DashboardState before = stored.state();
        boolean deleted = inputs.stream().anyMatch(DashboardInput.AccountDeleted.class::isInstance);
        if (zone == null || deleted) { // the account is gone: so is its dashboard
            return stored.version().isEmpty() ? Optional.empty()
                    : Optional.of(new Merged(new DashboardCacheWriter.Write(user, stored.version(), null), false, null));
        }
        YearMonth month = DashboardQueries.currentMonth(zone, now);
        DashboardDraft draft;
        if (before != null && before.dashboard().month().equals(month.toString())
                && before.dashboard().timezone().equals(zone)) {
            draft = DashboardDraft.of(before);
        } else {
            draft = DashboardQueries.load(connection, user, zone, month);
            if (before != null) {
                draft.rememberFrom(before);
            }
        }
        String correlation = null;
        for (DashboardInput input : inputs) {
            if (!draft.firstSight(input.source(), input.offset())) {
                continue;
            }
            if (input instanceof DashboardInput.Alert a && dismissed.contains(List.of(user.toString(),
                    a.alert().alertId()))) {
                continue;
            }
            input.applyTo(draft);
            correlation = input.correlationId() == null ? correlation : input.correlationId();
        }
        if (draft.needsExpenseRefill()) {
            if (!refills.mayRefill(connection, user, draft)) {
                // The whole batch is retried with back-off; every record is applied once, whatever was written.
                throw new IllegalStateException("the dashboard of " + user + " waits for the expenses table to hold"
                        + " the expense versions it has applied; retrying");
            }
            draft.mergeExpenses(DashboardQueries.latestExpenses(connection, user));
        }
        if (draft.needsAlertRefill()) {
            draft.mergeAlerts(DashboardQueries.openAlerts(connection, user));
        }
        long previous = before == null ? 0 : before.dashboard().version();
        DashboardState after = draft.toState(previous);
        if (after.equals(before)) {
            return Optional.empty();
        }
        boolean visible = before == null || !after.dashboard().equals(before.dashboard());
        if (visible) {
            after = after.withVersion(DashboardKeys.nextVersion(previous, now.toEpochMilli()));
        }
        return Optional.of(new Merged(new DashboardCacheWriter.Write(user, stored.version(), after), visible,
                correlation));
    }

    private static Set<List<String>> dismissed(Connection c, List<DashboardInput> batch) throws SQLException {
        List<UUID> users = new ArrayList<>();
        List<UUID> alerts = new ArrayList<>();
        for (DashboardInput input : batch) {
            if (input instanceof DashboardInput.Alert a) {
                users.add(a.userId());
                alerts.add(UUID.fromString(a.alert().alertId()));
            }
        }
        Set<List<String>> dismissed = new HashSet<>();
        if (alerts.isEmpty()) {
            return dismissed;
        }
        try (PreparedStatement s = c.prepareStatement(DISMISSED)) {
            s.setArray(1, c.createArrayOf("uuid", users.toArray()));
            s.setArray(2, c.createArrayOf("uuid", alerts.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    dismissed.add(List.of(rs.getObject(1, UUID.class).toString(),
                            rs.getObject(2, UUID.class).toString()));
                }
            }
        }
        return dismissed;
    }
}
