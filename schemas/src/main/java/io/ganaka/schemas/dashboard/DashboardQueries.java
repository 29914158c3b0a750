package io.ganaka.schemas.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.Json;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads a dashboard from the Postgres projections (users, monthly and category summaries, expenses, alerts): how the
 * API rebuilds a missing dashboard, and how the sink starts one it has no cached state for. Plain JDBC on a
 * connection the caller owns; every query names the user, so it touches one partition.
 */
public final class DashboardQueries {

    private static final String TIMEZONES = "SELECT id, timezone FROM users WHERE id = ANY(?)";
    private static final String TOTALS = """
            SELECT currency, total, count FROM monthly_summaries
            WHERE user_id = ? AND year = ? AND month = ? AND count > 0""";
    private static final String CATEGORIES = """
            SELECT category_id, currency, total, count FROM category_summaries
            WHERE user_id = ? AND year = ? AND month = ? AND count > 0""";
    private static final String EXPENSES = """
            SELECT id, version, amount, currency, description, merchant, occurred_at, category_id, categorized_by, tags
            FROM expenses WHERE user_id = ? AND NOT deleted ORDER BY occurred_at DESC, id DESC LIMIT ?""";
    private static final String VERSIONS = "SELECT id, version FROM expenses WHERE user_id = ? AND id = ANY(?)";
    private static final String ALERTS = """
            SELECT data, raised_at FROM alerts WHERE user_id = ? AND dismissed_at IS NULL
            ORDER BY raised_at DESC, alert_id DESC LIMIT ?""";

    private DashboardQueries() {}

    /** The time zone of each user that still has an account; users without one are absent. */
    public static Map<UUID, String> timezones(Connection c, Collection<UUID> userIds) throws SQLException {
        Map<UUID, String> zones = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(TIMEZONES)) {
            s.setArray(1, c.createArrayOf("uuid", userIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    zones.put(rs.getObject(1, UUID.class), rs.getString(2));
                }
            }
        }
        return zones;
    }

    /** The current month in a time zone; an unknown zone counts as UTC, as in the reports. */
    public static YearMonth currentMonth(String timezone, Instant now) {
        return YearMonth.from(now.atZone(zone(timezone)));
    }

    static ZoneId zone(String timezone) {
        try {
            return timezone == null ? ZoneOffset.UTC : ZoneId.of(timezone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** The whole dashboard of a user for a month, as the database holds it. */
    public static DashboardDraft load(Connection c, UUID userId, String timezone, YearMonth month)
            throws SQLException {
        DashboardDraft draft = new DashboardDraft(userId.toString(), month, timezone);
        try (PreparedStatement s = c.prepareStatement(TOTALS)) {
            bindMonth(s, userId, month);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    draft.applyMonthlyTotal(month.getYear(), month.getMonthValue(), rs.getString(1).strip(),
                            rs.getBigDecimal(2), rs.getLong(3));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement(CATEGORIES)) {
            bindMonth(s, userId, month);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    UUID category = rs.getObject(1, UUID.class);
                    draft.applyCategoryTotal(month.getYear(), month.getMonthValue(),
                            category == null ? null : category.toString(), rs.getString(2).strip(),
                            rs.getBigDecimal(3), rs.getLong(4));
                }
            }
        }
        // One row more than shown: merging it marks the list as having more.
        draft.mergeExpenses(latestExpenses(c, userId));
        draft.mergeAlerts(openAlerts(c, userId));
        return draft;
    }

    /** The user's newest live expenses, one more than the dashboard shows (to tell whether there are more). */
    public static List<ExpenseItem> latestExpenses(Connection c, UUID userId) throws SQLException {
        List<ExpenseItem> items = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(EXPENSES)) {
            s.setObject(1, userId);
            s.setInt(2, DashboardDraft.EXPENSE_LIMIT + 1);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String currency = rs.getString(4).strip();
                    UUID category = rs.getObject(8, UUID.class);
                    Array tags = rs.getArray(10);
                    items.add(new ExpenseItem(rs.getObject(1, UUID.class).toString(), rs.getLong(2),
                            DashboardDraft.amount(rs.getBigDecimal(3), currency), currency, rs.getString(5),
                            rs.getString(6), DashboardItems.instant(rs.getObject(7, OffsetDateTime.class).toInstant()),
                            category == null ? null : category.toString(), rs.getString(9),
                            tags == null ? List.of() : Arrays.asList((String[]) tags.getArray())));
                }
            }
        }
        return items;
    }

    /** The stored version of each of these expenses of a user, deleted ones too; one not stored yet is absent. */
    public static Map<UUID, Long> storedVersions(Connection c, UUID userId, Collection<UUID> expenseIds)
            throws SQLException {
        Map<UUID, Long> versions = new HashMap<>();
        if (expenseIds.isEmpty()) {
            return versions;
        }
        try (PreparedStatement s = c.prepareStatement(VERSIONS)) {
            s.setObject(1, userId);
            s.setArray(2, c.createArrayOf("uuid", expenseIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    versions.put(rs.getObject(1, UUID.class), rs.getLong(2));
                }
            }
        }
        return versions;
    }

    /** The user's newest open alerts, like {@link #latestExpenses}. */
    public static List<AlertItem> openAlerts(Connection c, UUID userId) throws SQLException {
        List<AlertItem> items = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(ALERTS)) {
            s.setObject(1, userId);
            s.setInt(2, DashboardDraft.ALERT_LIMIT + 1);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    EventPayload.AlertRaised alert;
                    try {
                        alert = Json.MAPPER.readValue(rs.getString(1), EventPayload.AlertRaised.class);
                    } catch (JsonProcessingException e) {
                        throw new SQLException("alert data is not an alert.raised payload", e);
                    }
                    items.add(DashboardItems.alert(alert, rs.getObject(2, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return items;
    }

    private static void bindMonth(PreparedStatement s, UUID userId, YearMonth month) throws SQLException {
        s.setObject(1, userId);
        s.setInt(2, month.getYear());
        s.setInt(3, month.getMonthValue());
    }
}
