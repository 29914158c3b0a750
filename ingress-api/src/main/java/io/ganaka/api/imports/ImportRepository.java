package io.ganaka.api.imports;

import io.ganaka.api.db.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The {@code imports} and {@code import_rows} tables. Every statement names {@code user_id}, so another user's import
 * is simply not found, except the sweep for abandoned imports, which by its nature looks across all users.
 */
public final class ImportRepository {

    private static final String COLUMNS = "id, status, format, file_name, total_rows, processed_rows, imported,"
            + " duplicates, rejected, warnings, failure_reason, created_at, started_at, finished_at";

    private final DataSource db;

    public ImportRepository(DataSource db) {
        this.db = db;
    }

    public void insert(UUID userId, UUID id, ImportFormat format, String fileName, UUID workerId)
            throws SQLException {
        update("INSERT INTO imports (user_id, id, status, format, file_name, worker_id) VALUES (?, ?, 'queued', ?,"
                + " ?, ?)", userId, id, format.wireName(), fileName, workerId);
    }

    /** Removes an import that never started (its upload could not be queued). */
    public void delete(UUID userId, UUID id) throws SQLException {
        update("DELETE FROM imports WHERE user_id = ? AND id = ? AND status = 'queued'", userId, id);
    }

    public void markRunning(UUID userId, UUID id) throws SQLException {
        update("UPDATE imports SET status = 'running', started_at = now(), heartbeat_at = now()"
                + " WHERE user_id = ? AND id = ? AND status = 'queued'", userId, id);
    }

    public void setTotalRows(UUID userId, UUID id, int totalRows) throws SQLException {
        update("UPDATE imports SET total_rows = ?, heartbeat_at = now() WHERE user_id = ? AND id = ?",
                totalRows, userId, id);
    }

    /** Stores a batch's outcomes and adds them to the counters, in one transaction; a repeated row is kept once. */
    public void recordBatch(UUID userId, UUID id, List<RowOutcome> outcomes) throws SQLException {
        Transactions.run(db, c -> {
            int[] counts = new int[RowOutcome.Outcome.values().length];
            int warnings = 0;
            // One statement for the whole batch: the columns travel as arrays, so it is one round trip.
            try (PreparedStatement s = c.prepareStatement("INSERT INTO import_rows (user_id, import_id,"
                    + " row_number, outcome, expense_id, reason, warning) SELECT ?, ?, r.*"
                    + " FROM unnest(?::int[], ?::text[], ?::uuid[], ?::text[], ?::text[]) AS r"
                    + " ON CONFLICT DO NOTHING")) {
                int n = outcomes.size();
                Integer[] rows = new Integer[n];
                String[] kinds = new String[n];
                UUID[] expenses = new UUID[n];
                String[] reasons = new String[n];
                String[] warningTexts = new String[n];
                for (int i = 0; i < n; i++) {
                    RowOutcome o = outcomes.get(i);
                    rows[i] = o.row();
                    kinds[i] = o.outcome().wireName();
                    expenses[i] = o.expenseId();
                    reasons[i] = o.reason();
                    warningTexts[i] = o.warning();
                    counts[o.outcome().ordinal()]++;
                    warnings += o.warning() == null ? 0 : 1;
                }
                s.setObject(1, userId);
                s.setObject(2, id);
                s.setArray(3, c.createArrayOf("int4", rows));
                s.setArray(4, c.createArrayOf("text", kinds));
                s.setArray(5, c.createArrayOf("uuid", expenses));
                s.setArray(6, c.createArrayOf("text", reasons));
                s.setArray(7, c.createArrayOf("text", warningTexts));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE imports SET processed_rows = processed_rows"
                    + " + ?, imported = imported + ?, duplicates = duplicates + ?, rejected = rejected + ?,"
                    + " warnings = warnings + ?, heartbeat_at = now() WHERE user_id = ? AND id = ?")) {
                bind(s, outcomes.size(), counts[RowOutcome.Outcome.IMPORTED.ordinal()],
                        counts[RowOutcome.Outcome.DUPLICATE.ordinal()],
                        counts[RowOutcome.Outcome.REJECTED.ordinal()], warnings, userId, id);
                s.executeUpdate();
            }
            return null;
        });
    }

    public void complete(UUID userId, UUID id) throws SQLException {
        update("UPDATE imports SET status = 'completed', finished_at = now() WHERE user_id = ? AND id = ?"
                + " AND status = 'running'", userId, id);
    }

    public void fail(UUID userId, UUID id, String reason) throws SQLException {
        update("UPDATE imports SET status = 'failed', failure_reason = ?, finished_at = now() WHERE user_id = ?"
                + " AND id = ? AND status IN ('queued', 'running')", reason, userId, id);
    }

    public void heartbeat(UUID userId, UUID id) throws SQLException {
        update("UPDATE imports SET heartbeat_at = now() WHERE user_id = ? AND id = ?"
                + " AND status IN ('queued', 'running')", userId, id);
    }

    /**
     * Fails every unfinished import whose process stopped proving it is alive. The one statement without a
     * {@code user_id}: it looks for abandoned imports of all users, through the small partial index on them.
     */
    public int failAbandoned(Duration silentFor) throws SQLException {
        return update("UPDATE imports SET status = 'failed', finished_at = now(), failure_reason = 'the import was"
                + " interrupted: the server processing it stopped; upload the file again (rows already imported"
                + " will be reported as duplicates)' WHERE status IN ('queued', 'running')"
                + " AND heartbeat_at < now() - make_interval(secs => ?)", (double) silentFor.toMillis() / 1000);
    }

    public Optional<ImportView> find(UUID userId, UUID id) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM imports"
                     + " WHERE user_id = ? AND id = ?")) {
            bind(s, userId, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(view(rs)) : Optional.empty();
            }
        }
    }

    /** The user's imports, newest first (ids are UUIDv7, so id order is creation order), after {@code before}. */
    public List<ImportView> list(UUID userId, UUID before, int limit) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM imports WHERE user_id = ?"
                     + " AND (?::uuid IS NULL OR id < ?::uuid) ORDER BY id DESC LIMIT ?")) {
            bind(s, userId, before, before, limit);
            List<ImportView> views = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    views.add(view(rs));
                }
            }
            return views;
        }
    }

    /** Row outcomes of an import in row order after row {@code after}, optionally of one outcome only. */
    public List<ImportRowView> rows(UUID userId, UUID importId, RowOutcome.Outcome outcome, int after, int limit)
            throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT row_number, outcome, expense_id, reason, warning"
                     + " FROM import_rows WHERE user_id = ? AND import_id = ? AND (?::text IS NULL OR outcome = ?)"
                     + " AND row_number > ? ORDER BY row_number LIMIT ?")) {
            String wire = outcome == null ? null : outcome.wireName();
            bind(s, userId, importId, wire, wire, after, limit);
            List<ImportRowView> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ImportRowView(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
            return rows;
        }
    }

    private int update(String sql, Object... values) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, values);
            return s.executeUpdate();
        }
    }

    private static void bind(PreparedStatement s, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                s.setNull(i + 1, Types.NULL);
            } else {
                s.setObject(i + 1, values[i]);
            }
        }
    }

    private static ImportView view(ResultSet rs) throws SQLException {
        return new ImportView(rs.getString("id"), rs.getString("status"), rs.getString("format"),
                rs.getString("file_name"), rs.getObject("total_rows", Integer.class), rs.getInt("processed_rows"),
                rs.getInt("imported"), rs.getInt("duplicates"), rs.getInt("rejected"), rs.getInt("warnings"),
                rs.getString("failure_reason"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
