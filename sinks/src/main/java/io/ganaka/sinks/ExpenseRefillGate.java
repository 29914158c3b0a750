package io.ganaka.sinks;

import io.ganaka.schemas.dashboard.DashboardDraft;
import io.ganaka.schemas.dashboard.DashboardQueries;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds back the refill of a dashboard's expense list until the {@code expenses} table has caught up with it. The
 * dashboard sink and the expenses sink read the same topic in separate consumer groups, so the dashboard can be
 * ahead (after a restart, always for a while): a refill then reads older versions of expenses the dashboard has
 * already moved or deleted, leaves them out, and ends with a short list it takes for complete, which no later
 * record corrects. Waits at most {@link #MAX_WAIT} per user: a version the expenses sink dead-lettered never
 * arrives, and the dashboard must not stall behind it (the refill is then the best the table gives).
 *
 * <p>Used by one sink thread; holds an entry only for a user whose refill is waiting.
 */
final class ExpenseRefillGate {

    static final Duration MAX_WAIT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(ExpenseRefillGate.class);

    private final Clock clock;
    private final Map<UUID, Instant> waitingSince = new HashMap<>();

    ExpenseRefillGate(Clock clock) {
        this.clock = clock;
    }

    /**
     * True when the table holds every expense version the draft has applied, at that version or a newer one, or when
     * this user's refill has waited {@link #MAX_WAIT}; false while the caller should retry later.
     */
    boolean mayRefill(Connection connection, UUID user, DashboardDraft draft) throws SQLException {
        Map<UUID, Long> applied = new HashMap<>();
        draft.expenseVersions().forEach((id, version) -> {
            try {
                applied.put(UUID.fromString(id), version);
            } catch (IllegalArgumentException e) {
                // Not an expense id the table can hold: nothing to wait for.
            }
        });
        Map<UUID, Long> stored = DashboardQueries.storedVersions(connection, user, applied.keySet());
        long behind = applied.entrySet().stream()
                .filter(e -> stored.getOrDefault(e.getKey(), Long.MIN_VALUE) < e.getValue()).count();
        if (behind == 0) {
            waitingSince.remove(user);
            return true;
        }
        Instant now = clock.instant();
        Instant since = waitingSince.computeIfAbsent(user, u -> now);
        if (Duration.between(since, now).compareTo(MAX_WAIT) >= 0) {
            LOG.warn("dashboard of {}: the expenses table still lacks {} expense versions after {} s; refilling from "
                    + "what it holds", user, behind, MAX_WAIT.toSeconds());
            waitingSince.remove(user);
            return true;
        }
        return false;
    }
}
