package io.ganaka.api.dashboard;

import io.ganaka.api.errors.NotFoundException;
import io.ganaka.schemas.Json;
import io.ganaka.schemas.LiveMessage;
import io.ganaka.schemas.dashboard.Dashboard;
import io.ganaka.schemas.dashboard.DashboardDraft;
import io.ganaka.schemas.dashboard.DashboardKeys;
import io.ganaka.schemas.dashboard.DashboardQueries;
import io.ganaka.schemas.dashboard.DashboardState;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The dashboard read path: the cached dashboard when it is there and of the current month, otherwise rebuilt from
 * Postgres and written back with a compare-and-set, so that a rebuild never overwrites a newer write of the sink (it
 * loses the race and serves what won instead). Also takes a dismissed alert off the cached dashboard and announces it.
 */
public final class DashboardService {

    private static final int ATTEMPTS = 3;

    private final DashboardCache cache;
    private final DataSource db;
    private final LivePublisher live;
    private final Clock clock;

    public DashboardService(DashboardCache cache, DataSource db, LivePublisher live, Clock clock) {
        this.cache = cache;
        this.db = db;
        this.live = live;
        this.clock = clock;
    }

    public Dashboard get(String userId) throws SQLException {
        Dashboard rebuilt = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            DashboardCache.Stored stored = cache.read(userId);
            Instant now = clock.instant();
            if (current(stored.state(), now)) {
                return stored.state().dashboard();
            }
            DashboardState state = rebuild(userId, stored, now);
            if (cache.compareAndSet(userId, stored.version(), state)) {
                return state.dashboard();
            }
            rebuilt = state.dashboard(); // the sink wrote meanwhile: read again
        }
        return rebuilt;
    }

    /** Takes a dismissed alert off the cached dashboard and pushes the change; nothing when it is not shown. */
    public void alertDismissed(String userId, String alertId, String correlationId) throws SQLException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            DashboardCache.Stored stored = cache.read(userId);
            DashboardState before = stored.state();
            if (before == null) {
                return; // rebuilt from Postgres on the next read, where the alert is dismissed already
            }
            DashboardDraft draft = DashboardDraft.of(before);
            draft.removeAlert(alertId);
            if (draft.needsAlertRefill()) {
                try (Connection c = db.getConnection()) {
                    draft.mergeAlerts(DashboardQueries.openAlerts(c, UUID.fromString(userId)));
                }
            }
            DashboardState after = draft.toState(before.dashboard().version());
            if (after.equals(before)) {
                return;
            }
            after = after.withVersion(DashboardKeys.nextVersion(before.dashboard().version(),
                    clock.millis()));
            if (cache.compareAndSet(userId, stored.version(), after)) {
                live.publish(new LiveMessage("dashboard.changed", userId, correlationId,
                        Json.MAPPER.valueToTree(after.dashboard())));
                return;
            }
        }
    }

    private static boolean current(DashboardState state, Instant now) {
        return state != null && state.dashboard().month()
                .equals(DashboardQueries.currentMonth(state.dashboard().timezone(), now).toString());
    }

    private DashboardState rebuild(String userId, DashboardCache.Stored stored, Instant now) throws SQLException {
        UUID user = UUID.fromString(userId);
        try (Connection c = db.getConnection()) {
            String zone = DashboardQueries.timezones(c, List.of(user)).get(user);
            if (zone == null) {
                throw new NotFoundException("no account " + userId);
            }
            YearMonth month = DashboardQueries.currentMonth(zone, now);
            DashboardDraft draft = DashboardQueries.load(c, user, zone, month);
            long previous = 0;
            if (stored.state() != null) {
                draft.rememberFrom(stored.state());
                previous = stored.state().dashboard().version();
            }
            return draft.toState(DashboardKeys.nextVersion(previous, now.toEpochMilli()));
        }
    }
}
