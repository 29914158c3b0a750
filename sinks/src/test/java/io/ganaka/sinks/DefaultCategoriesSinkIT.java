package io.ganaka.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventCodec;
import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.Json;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.Topic;
import io.ganaka.schemas.catalog.DefaultCatalog;
import io.ganaka.schemas.rules.RuleDefinition;
import io.ganaka.testkit.KafkaTopics;
import io.ganaka.testkit.TestEnvironment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The default-categories sink against a real, migrated Postgres and (for replays) a real Kafka broker. */
class DefaultCategoriesSinkIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final int CATEGORIES = DefaultCatalog.templates().size();
    private static final int RULES = DefaultCatalog.keywordRules().size();

    private static TestEnvironment env;
    @AutoClose
    private static HikariDataSource pool;

    private final List<UUID> accounts = new ArrayList<>();
    private DefaultCategoriesSink sink;

    @BeforeAll
    static void database() {
        env = TestEnvironment.shared();
        pool = SinkDatabase.migratedPool(4);
    }

    @AfterEach
    void eraseAccounts() throws Exception {
        try (Connection c = pool.getConnection()) {
            new UserErasureSink(Naming.DEFAULT).write(c, accounts);
        }
    }

    @Test
    void aNewUserGetsEveryDefaultCategoryAndRuleMarkedAsDefault() throws Exception {
        UUID user = account();

        write(user);

        assertThat(ids("SELECT id FROM categories WHERE user_id = ? AND is_default", user))
                .containsExactlyInAnyOrderElementsOf(
                        DefaultCatalog.categories(user).stream().map(DefaultCatalog.Category::id).toList());
        assertThat(ids("SELECT id FROM category_rules WHERE user_id = ? AND is_default", user))
                .containsExactlyInAnyOrderElementsOf(
                        DefaultCatalog.rules(user).stream().map(DefaultCatalog.Rule::id).toList());
        DefaultCatalog.Rule coffee = DefaultCatalog.rules(user).get(0);
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT name, priority, definition::text FROM category_rules WHERE user_id = ? AND id = ?")) {
            s.setObject(1, user);
            s.setObject(2, coffee.id());
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(coffee.definition().name());
                assertThat(rs.getInt(2)).isEqualTo(coffee.definition().priority());
                assertThat(Json.MAPPER.readValue(rs.getString(3), RuleDefinition.class))
                        .isEqualTo(coffee.definition());
            }
        }
        assertThat(count("SELECT count(*) FROM users WHERE id = ? AND defaults_created_at IS NOT NULL", user))
                .isEqualTo(1);
    }

    @Test
    void writingTheSameRegistrationAgainChangesNothingAndNeverBringsBackADeletedDefault() throws Exception {
        UUID user = account();
        write(user);
        UUID coffee = DefaultCatalog.categoryId(user, "coffee");
        update("DELETE FROM category_rules WHERE user_id = ? AND definition #>> '{actions,categoryId}' = '"
                + coffee + "'", user);
        update("DELETE FROM categories WHERE user_id = ? AND id = '" + coffee + "'", user);
        update("UPDATE categories SET name = 'Food shopping' WHERE user_id = ? AND id = '"
                + DefaultCatalog.categoryId(user, "groceries") + "'", user);

        write(user);
        write(user);

        assertThat(count("SELECT count(*) FROM categories WHERE user_id = ?", user)).isEqualTo(CATEGORIES - 1);
        assertThat(count("SELECT count(*) FROM category_rules WHERE user_id = ?", user)).isEqualTo(RULES - 1);
        assertThat(ids("SELECT id FROM categories WHERE user_id = ?", user)).doesNotContain(coffee);
        assertThat(count("SELECT count(*) FROM categories WHERE user_id = ? AND name = 'Food shopping'", user))
                .isEqualTo(1);
    }

    @Test
    void aDefaultWhoseNameTheUserAlreadyTookIsLeftOutWithItsRule() throws Exception {
        UUID user = account();
        UUID own = UUID.randomUUID();
        update("INSERT INTO categories (user_id, id, name) VALUES (?, '" + own + "', 'COFFEE')", user);

        write(user);

        assertThat(count("SELECT count(*) FROM categories WHERE user_id = ?", user)).isEqualTo(CATEGORIES);
        assertThat(ids("SELECT id FROM categories WHERE user_id = ?", user)).contains(own)
                .doesNotContain(DefaultCatalog.categoryId(user, "coffee"));
        assertThat(ids("SELECT id FROM category_rules WHERE user_id = ?", user)).hasSize(RULES - 1)
                .doesNotContain(DefaultCatalog.ruleId(user, "coffee"));
    }

    @Test
    void aUserWhoseAccountIsGoneGetsNothing() throws Exception {
        UUID gone = UUID.randomUUID();

        write(gone);

        assertThat(count("SELECT count(*) FROM categories WHERE user_id = ?", gone)).isZero();
        assertThat(count("SELECT count(*) FROM category_rules WHERE user_id = ?", gone)).isZero();
    }

    @Test
    void aReplayOfTheUsersTopicFromOffsetZeroDoesNotRecreateADeletedDefault() throws Exception {
        Naming naming = new Naming(env.prefix() + "-defaults");
        UUID user = account();
        KafkaTopics kafka = new KafkaTopics(env.kafkaBootstrapServers());
        try (KafkaProducer<String, byte[]> producer = producer()) {
            kafka.create(2, naming.topic(Topic.USERS));
            kafka.create(1, naming.topic(Topic.DLQ));
            Event registered = Event.create(user.toString(), null,
                    new EventPayload.UserRegistered(user + "@example.org", null, "UTC"));
            for (int i = 0; i < 2; i++) { // a duplicate, as the bridge may deliver
                producer.send(new ProducerRecord<>(naming.topic(Topic.USERS), user.toString(),
                        EventCodec.encode(registered))).get();
            }
            String group = naming.groupId("sinks-" + sink().name());

            Sinks first = start(naming);
            try {
                await().atMost(DEADLINE).until(() -> count("SELECT count(*) FROM categories WHERE user_id = ?", user)
                        == CATEGORIES && kafka.caughtUp(group, naming.topic(Topic.USERS)));
            } finally {
                first.close();
            }
            update("DELETE FROM categories WHERE user_id = ? AND id = '"
                    + DefaultCatalog.categoryId(user, "travel") + "'", user);
            await().atMost(DEADLINE).untilAsserted(() -> kafka.deleteGroup(group));
            Sinks replay = start(naming);
            try {
                await().atMost(DEADLINE).until(() -> kafka.caughtUp(group, naming.topic(Topic.USERS)));
            } finally {
                replay.close();
            }

            assertThat(count("SELECT count(*) FROM categories WHERE user_id = ?", user)).isEqualTo(CATEGORIES - 1);
            assertThat(ids("SELECT id FROM categories WHERE user_id = ?", user))
                    .doesNotContain(DefaultCatalog.categoryId(user, "travel"));
            assertThat(kafka.readAll(naming.topic(Topic.DLQ))).isEmpty();
        } finally {
            kafka.close();
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private DefaultCategoriesSink sink() {
        if (sink == null) {
            sink = new DefaultCategoriesSink(Naming.DEFAULT);
        }
        return sink;
    }

    private static Sinks start(Naming naming) {
        return Sinks.start(new SinkSettings(naming, env.kafkaBootstrapServers(), 500, Duration.ofMillis(200)), pool);
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafkaBootstrapServers());
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** Writes one registration batch in its own transaction, as the sink runner does. */
    private void write(UUID user) throws Exception {
        SinkDatabase.inTransaction(pool, c -> sink().write(c, List.of(user)));
    }

    private UUID account() throws Exception {
        UUID user = UUID.randomUUID();
        accounts.add(user);
        SinkDatabase.createAccount(pool, user);
        return user;
    }

    private static void update(String sql, UUID user) throws Exception {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, user);
            s.executeUpdate();
        }
    }

    private static int count(String sql, UUID user) throws Exception {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, user);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static List<UUID> ids(String sql, UUID user) throws Exception {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, user);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }
}
