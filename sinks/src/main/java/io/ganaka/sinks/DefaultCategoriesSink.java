package io.ganaka.sinks;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.Json;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.Topic;
import io.ganaka.schemas.catalog.DefaultCatalog;
import io.ganaka.schemas.catalog.DefaultCatalog.Category;
import io.ganaka.schemas.catalog.DefaultCatalog.Rule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Gives every new account the {@link DefaultCatalog}'s categories and keyword rules on {@code user.registered}, once:
 * {@code users.defaults_created_at} is set in the same transaction, so a replay from offset 0 never brings back a
 * default the user has since deleted or renamed. A default whose name the user already took is left out, with the
 * rules that would set it. Users whose account is gone get nothing.
 */
final class DefaultCategoriesSink implements Sink<UUID> {

    /**
     * Claims the user's defaults. Its row lock (stronger than LivingUsers' key-share lock) makes an account deletion
     * wait for this transaction, whose rows the erasure then removes; no row means gone or already given.
     */
    static final String CLAIM =
            "UPDATE users SET defaults_created_at = now() WHERE id = ? AND defaults_created_at IS NULL";

    /** No conflict target: a clash on the id (a replay) or on the case-insensitive name both skip that category. */
    static final String INSERT_CATEGORIES = """
            INSERT INTO categories (user_id, id, name, description, color, is_default)
            SELECT ?, t.id, t.name, t.description, t.color, true
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[]) AS t(id, name, description, color)
            ON CONFLICT DO NOTHING
            RETURNING id
            """;

    static final String INSERT_RULES = """
            INSERT INTO category_rules (user_id, id, name, priority, definition, is_default)
            SELECT ?, t.id, t.name, t.priority, t.definition::jsonb, true
            FROM unnest(?::uuid[], ?::text[], ?::int[], ?::text[]) AS t(id, name, priority, definition)
            ON CONFLICT DO NOTHING
            """;

    private final String topic;

    DefaultCategoriesSink(Naming naming) {
        this.topic = naming.topic(Topic.USERS);
    }

    @Override
    public String name() {
        return "default-categories";
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public Optional<UUID> decode(ConsumerRecord<byte[], byte[]> record) throws PoisonRecordException {
        return EventRecords.userOf(record, EventPayload.UserRegistered.class);
    }

    @Override
    public void write(Connection connection, List<UUID> batch) throws SQLException {
        for (UUID userId : new LinkedHashSet<>(batch)) {
            if (claim(connection, userId)) {
                Set<UUID> created = insertCategories(connection, userId);
                insertRules(connection, userId, DefaultCatalog.rules(userId).stream()
                        .filter(rule -> created.contains(rule.categoryId())).toList());
            }
        }
    }

    private static boolean claim(Connection connection, UUID userId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(CLAIM)) {
            s.setObject(1, userId);
            return s.executeUpdate() == 1;
        }
    }

    private static Set<UUID> insertCategories(Connection connection, UUID userId) throws SQLException {
        List<Category> categories = DefaultCatalog.categories(userId);
        Set<UUID> created = new HashSet<>();
        try (PreparedStatement s = connection.prepareStatement(INSERT_CATEGORIES)) {
            s.setObject(1, userId);
            s.setArray(2, connection.createArrayOf("uuid", categories.stream().map(Category::id).toArray()));
            s.setArray(3, connection.createArrayOf("text", categories.stream().map(Category::name).toArray()));
            s.setArray(4, connection.createArrayOf("text", categories.stream().map(Category::description).toArray()));
            s.setArray(5, connection.createArrayOf("text", categories.stream().map(Category::color).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    created.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return created;
    }

    private static void insertRules(Connection connection, UUID userId, List<Rule> rules) throws SQLException {
        if (rules.isEmpty()) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement(INSERT_RULES)) {
            s.setObject(1, userId);
            s.setArray(2, connection.createArrayOf("uuid", rules.stream().map(Rule::id).toArray()));
            s.setArray(3, connection.createArrayOf("text", rules.stream().map(r -> r.definition().name()).toArray()));
            s.setArray(4, connection.createArrayOf("int4",
                    rules.stream().map(r -> r.definition().priority()).toArray()));
            s.setArray(5, connection.createArrayOf("text", rules.stream().map(DefaultCategoriesSink::json).toArray()));
            s.executeUpdate();
        }
    }

    /** The rule's definition as category_rules stores it: the RuleDefinition JSON of the shared mapper. */
    static String json(Rule rule) {
        try {
            return Json.MAPPER.writeValueAsString(rule.definition());
        } catch (JsonProcessingException e) {
            // A RuleDefinition is strings, numbers and lists; failing to write one is a bug, not bad input.
            throw new IllegalStateException(e);
        }
    }
}
