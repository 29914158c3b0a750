package io.ganaka.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventCodec;
import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.JsonSerde;
import io.ganaka.schemas.MonthlyTotal;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.Topic;
import io.ganaka.testkit.KafkaTopics;
import io.ganaka.testkit.TestEnvironment;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sinks against a real, migrated Postgres database and a real Kafka broker. */
class SinksIT {

    private static final AtomicInteger TEST_NUMBER = new AtomicInteger();
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    private static final Instant T3 = T0.plusSeconds(180);

    private static TestEnvironment env;
    @AutoClose
    private static HikariDataSource pool;

    private Naming naming;
    private KafkaTopics kafka;
    private KafkaProducer<String, byte[]> producer;
    private final List<Sinks> running = new ArrayList<>();
    private final String user = UUID.randomUUID().toString();
    /** Every account this test made, erased again after it. */
    private final List<String> accounts = new ArrayList<>();

    @BeforeAll
    static void database() {
        env = TestEnvironment.shared();
        pool = SinkDatabase.migratedPool(4);
    }

    @BeforeEach
    void setUp() throws Exception {
        naming = new Naming(env.prefix() + "-s" + TEST_NUMBER.incrementAndGet());
        kafka = new KafkaTopics(env.kafkaBootstrapServers());
        kafka.create(3, naming.topic(Topic.EXPENSES_CATEGORIZED), naming.topic(Topic.REPORTS_MONTHLY), naming.topic(Topic.USERS));
        kafka.create(1, naming.topic(Topic.DLQ));
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafkaBootstrapServers());
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        // The sinks project only users that have an account.
        createAccount(user);
    }

    private void createAccount(String userId) throws Exception {
        accounts.add(userId);
        SinkDatabase.createAccount(pool, UUID.fromString(userId));
    }

    @AfterEach
    void tearDown() throws Exception {
        running.forEach(Sinks::close);
        producer.close();
        kafka.close();
        try (Connection c = pool.getConnection()) {
            UserErasureSink eraser = new UserErasureSink(naming);
            eraser.write(c, accounts.stream().map(UUID::fromString).toList());
        }
    }

    private Sinks startSinks(DataSource db) {
        Sinks sinks = Sinks.start(new SinkSettings(naming, env.kafkaBootstrapServers(), 500, Duration.ofMillis(200)), db);
        running.add(sinks);
        return sinks;
    }

    private Event event(Instant at, EventPayload payload) {
        return new Event(UUID.randomUUID().toString(), io.ganaka.schemas.EventType.of(payload).wireName(), 1, at, user,
                null, payload);
    }

    private static EventPayload.ExpenseAdded added(String id, String amount) {
        return new EventPayload.ExpenseAdded(id, 1, new BigDecimal(amount), "EUR", "added " + amount, "Shop", T0, null,
                List.of("a", "b"), null);
    }

    private static EventPayload.ExpenseUpdated updated(String id, long version, String amount) {
        return new EventPayload.ExpenseUpdated(id, version, new BigDecimal(amount), "EUR", "updated " + amount, null, T0,
                null, List.of(), "n");
    }

    private void send(String topic, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic, user, value)).get();
    }

    private void sendUserEvent(Event event) throws Exception {
        producer.send(new ProducerRecord<>(naming.topic(Topic.USERS), event.userId(), EventCodec.encode(event)))
                .get();
    }

    private String erasureGroup() {
        return naming.groupId("sinks-user-erasure");
    }

    /**
     * Rows that reference the user in users and in every table with a user_id column, partitions included (so a
     * partitioned table's rows count twice: in the partition and through the parent).
     */
    private int rowsReferencing(String userId) throws Exception {
        int total = 0;
        try (Connection c = pool.getConnection()) {
            List<String> queries = new ArrayList<>(List.of("SELECT count(*) FROM users WHERE id = ?"));
            try (ResultSet rs = c.createStatement().executeQuery("SELECT table_name FROM information_schema.columns"
                    + " WHERE column_name = 'user_id' AND table_schema = current_schema()")) {
                while (rs.next()) {
                    queries.add("SELECT count(*) FROM " + UserErasureSink.quote(rs.getString(1))
                            + " WHERE user_id = ?");
                }
            }
            for (String query : queries) {
                try (PreparedStatement s = c.prepareStatement(query)) {
                    s.setObject(1, UUID.fromString(userId));
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        total += rs.getInt(1);
                    }
                }
            }
        }
        return total;
    }

    private void sendEvent(Event event) throws Exception {
        send(naming.topic(Topic.EXPENSES_CATEGORIZED), EventCodec.encode(event));
    }

    private void sendTotal(MonthlyTotal total) throws Exception {
        send(naming.topic(Topic.REPORTS_MONTHLY),
                new JsonSerde<>(MonthlyTotal.class).serializer().serialize("t", total));
    }

    /** All columns of this test user's rows, one string per row, in a stable order. */
    private List<String> rows(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(user));
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.append(meta.getColumnName(i)).append('=').append(text(rs, i)).append(' ');
                    }
                    rows.add(row.toString().trim());
                }
            }
        }
        return rows;
    }

    /**
     * A column as text. Arrays are read as arrays: their getString is {a,b} or {"a","b"} depending on whether the driver
     * has switched that statement to binary transfer on its pooled connection, which would make snapshots differ.
     */
    private static String text(ResultSet rs, int column) throws Exception {
        Object value = rs.getObject(column);
        return value instanceof java.sql.Array array
                ? java.util.Arrays.toString((Object[]) array.getArray()) : rs.getString(column);
    }

    private List<String> expenses() throws Exception {
        return rows("SELECT * FROM expenses WHERE user_id = ? ORDER BY id");
    }

    private List<String> summaries() throws Exception {
        return rows("SELECT * FROM monthly_summaries WHERE user_id = ? ORDER BY year, month, currency");
    }

    private String expense(String id, String columns) throws Exception {
        List<String> found = rows("SELECT " + columns + " FROM expenses WHERE user_id = ? AND id = '" + id + "'");
        return found.isEmpty() ? null : found.get(0);
    }

    private String expensesGroup() {
        return naming.groupId("sinks-expenses");
    }

    private String summariesGroup() {
        return naming.groupId("sinks-monthly-summaries");
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void aDeleteArrivingOnItsOwnTombstonesTheProjectedExpenseAndKeepsItsData() throws Exception {
        String id = UUID.randomUUID().toString();
        startSinks(pool);
        sendEvent(event(T0, added(id, "10.00")));
        await().atMost(DEADLINE).until(() -> expense(id, "deleted") != null);

        // Sent after the add was written, so it is a batch of its own: a tombstone without any data to merge with.
        sendEvent(event(T2, new EventPayload.ExpenseDeleted(id, 2)));

        await().atMost(DEADLINE).untilAsserted(() -> assertThat(expense(id, "version, amount, deleted, updated_at"))
                .isEqualTo("version=2 amount=10.00 deleted=t updated_at=" + ts(T2)));
        assertThat(kafka.readAll(naming.topic(Topic.DLQ))).isEmpty();
    }

    @Test
    void convergesOnTheNewestVersionWhateverTheOrderAndReplayChangesNothing() throws Exception {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String c = UUID.randomUUID().toString();
        String d = UUID.randomUUID().toString();
        String e = UUID.randomUUID().toString();
        String category = UUID.randomUUID().toString();
        Event aUpdate = event(T1, updated(a, 2, "15.00"));
        List<Event> events = List.of(
                event(T0, added(a, "10.00")), aUpdate, aUpdate,                      // update + duplicate
                event(T0, added(b, "20.00")), event(T2, new EventPayload.ExpenseDeleted(b, 2)), // delete
                event(T3, new EventPayload.ExpenseDeleted(c, 3)),                    // delete before its add
                event(T0, added(c, "30.00")), event(T1, updated(c, 2, "31.00")),
                event(T1, updated(d, 2, "41.00")), event(T0, added(d, "40.00")),     // update before its add
                event(T0, new EventPayload.ExpenseAdded(e, 1, new BigDecimal("5.00"), "USD", "cat", null, T0,
                        category, List.of(), null)),
                event(T0, new EventPayload.UserLoggedIn("password")));               // not an expense: ignored
        for (Event event : events) {
            sendEvent(event);
        }
        sendTotal(new MonthlyTotal(user, 2026, 3, "EUR", new BigDecimal("10.00"), 1));
        sendTotal(new MonthlyTotal(user, 2026, 3, "USD", new BigDecimal("5.00"), 1));
        sendTotal(new MonthlyTotal(user, 2026, 3, "EUR", new BigDecimal("25.00"), 2));

        Sinks sinks = startSinks(pool);

        String columns = "version, amount, currency, deleted, created_at, updated_at";
        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(expense(a, columns)).isEqualTo(
                    "version=2 amount=15.00 currency=EUR deleted=f created_at=" + ts(T0) + " updated_at=" + ts(T1));
            assertThat(expense(b, columns)).isEqualTo(
                    "version=2 amount=20.00 currency=EUR deleted=t created_at=" + ts(T0) + " updated_at=" + ts(T2));
            assertThat(expense(c, "version, deleted, created_at, updated_at")).isEqualTo(
                    "version=3 deleted=t created_at=" + ts(T0) + " updated_at=" + ts(T3));
            // The tombstone came first with no data; a version arriving after it fills real data in, never a placeholder.
            assertThat(expense(c, "amount, currency")).isEqualTo("amount=31.00 currency=EUR");
            assertThat(expense(d, columns)).isEqualTo(
                    "version=2 amount=41.00 currency=EUR deleted=f created_at=" + ts(T0) + " updated_at=" + ts(T1));
            assertThat(expense(e, "category_id, categorized_by, currency")).isEqualTo(
                    "category_id=" + category + " categorized_by=user currency=USD");
            assertThat(rows("SELECT year, month, currency, total, count FROM monthly_summaries WHERE user_id = ?"
                    + " ORDER BY currency")).containsExactly(
                    "year=2026 month=3 currency=EUR total=25.00 count=2",
                    "year=2026 month=3 currency=USD total=5.00 count=1");
        });
        assertThat(expense(a, "description, merchant, tags, notes"))
                .isEqualTo("description=updated 15.00 merchant=null tags=[] notes=n");
        await().atMost(DEADLINE).until(() -> kafka.caughtUp(expensesGroup(), naming.topic(Topic.EXPENSES_CATEGORIZED))
                && kafka.caughtUp(summariesGroup(), naming.topic(Topic.REPORTS_MONTHLY)));
        List<String> expensesBefore = expenses();
        List<String> summariesBefore = summaries();
        sinks.close();

        // Replay both topics from offset 0 as a brand-new consumer group would.
        await().atMost(DEADLINE).untilAsserted(() -> {
            kafka.deleteGroup(expensesGroup());
            kafka.deleteGroup(summariesGroup());
        });
        startSinks(pool);
        await().atMost(DEADLINE).until(() -> kafka.caughtUp(expensesGroup(), naming.topic(Topic.EXPENSES_CATEGORIZED))
                && kafka.caughtUp(summariesGroup(), naming.topic(Topic.REPORTS_MONTHLY)));

        assertThat(expenses()).isEqualTo(expensesBefore).hasSize(5);
        assertThat(summaries()).isEqualTo(summariesBefore);
        assertThat(kafka.readAll(naming.topic(Topic.DLQ))).isEmpty();
    }

    @Test
    void deadLettersPoisonRecordsAndKeepsProjectingTheRest() throws Exception {
        String good1 = UUID.randomUUID().toString();
        String negative = UUID.randomUUID().toString();
        String badCurrency = UUID.randomUUID().toString();
        String good2 = UUID.randomUUID().toString();
        sendEvent(event(T0, added(good1, "1.00")));
        send(naming.topic(Topic.EXPENSES_CATEGORIZED), "{not an event".getBytes(StandardCharsets.UTF_8));
        sendEvent(event(T0, added(negative, "-3.00")));                       // violates CHECK (amount > 0)
        sendEvent(event(T0, new EventPayload.ExpenseAdded(badCurrency, 1, BigDecimal.ONE, "EURO", "x", null, T0, null,
                List.of(), null)));                                              // too long for CHAR(3)
        sendEvent(event(T0, added(good2, "2.00")));
        send(naming.topic(Topic.REPORTS_MONTHLY), "[]".getBytes(StandardCharsets.UTF_8));
        sendTotal(new MonthlyTotal(user, 2026, 4, "EUR", new BigDecimal("3.00"), 2));

        startSinks(pool);

        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(expense(good1, "amount")).isEqualTo("amount=1.00");
            assertThat(expense(good2, "amount")).isEqualTo("amount=2.00");
            assertThat(summaries()).hasSize(1);
            assertThat(kafka.readAll(naming.topic(Topic.DLQ))).hasSize(4);
        });
        assertThat(expense(negative, "amount")).isNull();
        assertThat(expense(badCurrency, "amount")).isNull();
        List<ConsumerRecord<byte[], byte[]>> dead = kafka.readAll(naming.topic(Topic.DLQ));
        assertThat(dead).extracting(r -> header(r, KafkaDeadLetters.REASON_HEADER))
                .filteredOn(reason -> reason.startsWith("undecodable")).hasSize(2);
        assertThat(dead).extracting(r -> header(r, KafkaDeadLetters.REASON_HEADER))
                .filteredOn(reason -> reason.startsWith("rejected by the database")).hasSize(2);
        assertThat(dead).allSatisfy(r -> assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(user));
        await().atMost(DEADLINE).until(() -> kafka.caughtUp(expensesGroup(), naming.topic(Topic.EXPENSES_CATEGORIZED))
                && kafka.caughtUp(summariesGroup(), naming.topic(Topic.REPORTS_MONTHLY)));
    }

    @Test
    void retriesWhileTheDatabaseIsDownAndCommitsOffsetsOnlyAfterTheWrite() throws Exception {
        SwitchableDataSource db = new SwitchableDataSource(pool);
        db.down(true);
        String id = UUID.randomUUID().toString();
        sendEvent(event(T0, added(id, "7.00")));

        Sinks sinks = startSinks(db);

        await().atMost(DEADLINE).until(() -> db.refused() >= 3);
        assertThat(kafka.committed(expensesGroup(), naming.topic(Topic.EXPENSES_CATEGORIZED))).isEmpty();
        assertThat(expense(id, "amount")).isNull();

        db.down(false);

        await().atMost(DEADLINE).untilAsserted(
                () -> assertThat(expense(id, "version, amount")).isEqualTo("version=1 amount=7.00"));
        await().atMost(DEADLINE).until(() -> kafka.caughtUp(expensesGroup(), naming.topic(Topic.EXPENSES_CATEGORIZED)));
        sinks.close();

        // After a restart the committed add is not re-read; the new update is applied on top of it.
        sendEvent(event(T1, updated(id, 2, "8.00")));
        startSinks(pool);

        await().atMost(DEADLINE).untilAsserted(() -> assertThat(expense(id, "version, amount, created_at, updated_at"))
                .isEqualTo("version=2 amount=8.00 created_at=" + ts(T0) + " updated_at=" + ts(T1)));
        assertThat(kafka.readAll(naming.topic(Topic.DLQ))).isEmpty();
    }

    @Test
    void userDeletedErasesTheUsersRowsEverywhereAndLeavesOthersAlone() throws Exception {
        String other = UUID.randomUUID().toString();
        createAccount(other);
        String expense = UUID.randomUUID().toString();
        sendEvent(event(T0, added(expense, "3.00")));
        sendTotal(new MonthlyTotal(user, 2026, 3, "EUR", new BigDecimal("3.00"), 1));
        sendTotal(new MonthlyTotal(other, 2026, 3, "EUR", new BigDecimal("9.00"), 1));
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO categories (user_id, id, name) VALUES (?, ?, 'Coffee')")) {
            s.setObject(1, UUID.fromString(user));
            s.setObject(2, UUID.randomUUID());
            s.executeUpdate();
        }
        startSinks(pool);
        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(expenses()).hasSize(1);
            assertThat(summaries()).hasSize(1);
        });

        sendUserEvent(event(T1, new EventPayload.UserRegistered("x@example.org", null, "UTC")));
        sendUserEvent(event(T2, new EventPayload.UserDeleted("self")));

        await().atMost(DEADLINE).until(() -> rowsReferencing(user) == 0);
        assertThat(rowsReferencing(other)).isEqualTo(2); // the account and its monthly total
        await().atMost(DEADLINE).until(() -> kafka.caughtUp(erasureGroup(), naming.topic(Topic.USERS)));
        assertThat(kafka.readAll(naming.topic(Topic.DLQ))).isEmpty();
    }

    @Test
    void lateEventsOfADeletedUserDoNotBringTheirDataBack() throws Exception {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                "DELETE FROM users WHERE id = ?")) {
            s.setObject(1, UUID.fromString(user));
            s.executeUpdate();
        }
        String late = UUID.randomUUID().toString();
        String living = UUID.randomUUID().toString();
        createAccount(living);
        sendEvent(event(T0, added(late, "4.00")));
        sendTotal(new MonthlyTotal(user, 2026, 3, "EUR", new BigDecimal("4.00"), 1));
        // A living user's events in every partition, after the late ones: once those are consumed, so is the rest.
        String livingExpense = UUID.randomUUID().toString();
        Event livingAdd = new Event(UUID.randomUUID().toString(), "expense.added", 1, T0, living, null,
                added(livingExpense, "5.00"));
        for (int partition = 0; partition < 3; partition++) {
            producer.send(new ProducerRecord<>(naming.topic(Topic.EXPENSES_CATEGORIZED), partition, user,
                    EventCodec.encode(livingAdd))).get();
            producer.send(new ProducerRecord<>(naming.topic(Topic.REPORTS_MONTHLY), partition, user,
                    new JsonSerde<>(MonthlyTotal.class).serializer().serialize("t",
                            new MonthlyTotal(living, 2026, 3, "EUR", new BigDecimal("5.00"), 1)))).get();
        }

        startSinks(pool);

        await().atMost(DEADLINE).until(() -> kafka.caughtUp(expensesGroup(), naming.topic(Topic.EXPENSES_CATEGORIZED))
                && kafka.caughtUp(summariesGroup(), naming.topic(Topic.REPORTS_MONTHLY)));
        // The account, the expense (counted in its partition and through the parent table) and the monthly total.
        assertThat(rowsReferencing(living)).isEqualTo(4);
        assertThat(rowsReferencing(user)).isZero();
        assertThat(kafka.readAll(naming.topic(Topic.DLQ))).isEmpty();
    }

    /** How Postgres prints a timestamptz for this session's time zone, via the same driver. */
    private static String ts(Instant instant) throws Exception {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement("SELECT ?::timestamptz")) {
            s.setObject(1, instant.atOffset(java.time.ZoneOffset.UTC));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
