package io.ganaka.sinks;

import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.Topic;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Erases a deleted user's data on {@code user.deleted}: the account row (what references it cascades) and the user's
 * rows in every table with a {@code user_id} column, found in the catalog so that tables added later are covered too.
 * Deleting what is already gone changes nothing, so replays are harmless.
 */
final class UserErasureSink implements Sink<UUID> {

    /** Tables (partitioned parents, not their partitions) of the current schema that have a user_id column. */
    static final String TABLES_WITH_USER_ID = """
            SELECT c.relname
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'user_id' AND NOT a.attisdropped
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
            ORDER BY c.relname
            """;

    private final String topic;

    UserErasureSink(Naming naming) {
        this.topic = naming.topic(Topic.USERS);
    }

    @Override
    public String name() {
        return "user-erasure";
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public Optional<UUID> decode(ConsumerRecord<byte[], byte[]> record) throws PoisonRecordException {
        // Registrations, profile changes, sign-ins: nothing to erase.
        return EventRecords.userOf(record, EventPayload.UserDeleted.class);
    }

    @Override
    public void write(Connection connection, List<UUID> batch) throws SQLException {
        List<String> tables = tablesWithUserId(connection);
        for (UUID userId : new LinkedHashSet<>(batch)) {
            // The account row first: its lock waits for projection writes that still saw the user (LivingUsers), so
            // the deletes below see everything they committed.
            delete(connection, "DELETE FROM users WHERE id = ?", userId);
            for (String table : tables) {
                // One statement per table and user: WHERE user_id = ? prunes a hash-partitioned table to one partition.
                delete(connection, "DELETE FROM " + quote(table) + " WHERE user_id = ?", userId);
            }
        }
    }

    private static void delete(Connection connection, String sql, UUID userId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setObject(1, userId);
            s.executeUpdate();
        }
    }

    static List<String> tablesWithUserId(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(TABLES_WITH_USER_ID);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /** A catalog name as a quoted SQL identifier; names come from pg_class, never from an event. */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
