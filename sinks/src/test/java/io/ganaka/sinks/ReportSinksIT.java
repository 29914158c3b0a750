package io.ganaka.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.ganaka.schemas.CategoryTotal;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventCodec;
import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.EventType;
import io.ganaka.schemas.JsonSerde;
import io.ganaka.schemas.MonthlyTotal;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.SummaryTotal;
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

/**
 * The report sinks (monthly with extremes, per category, all-time) against a real, migrated Postgres database and a
 * real Kafka broker: the aggregation topology's records in, rows out.
 */
class ReportSinksIT {

    private static final AtomicInteger TEST_NUMBER = new AtomicInteger();
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final List<Topic> REPORTS = List.of(Topic.REPORTS_MONTHLY, Topic.REPORTS_CATEGORIES,
            Topic.REPORTS_SUMMARY);

    private static TestEnvironment env;
    @AutoClose
    private static HikariDataSource pool;

    private Naming naming;
    private KafkaTopics kafka;
    private KafkaProducer<String, byte[]> producer;
    private final List<Sinks> running = new ArrayList<>();
    private final String user = UUID.randomUUID().toString();
    private final String coffee = UUID.randomUUID().toString();
    private final List<String> accounts = new ArrayList<>();

    @BeforeAll
    static void database() {
        env = TestEnvironment.shared();
        pool = SinkDatabase.migratedPool(4);
    }

    @BeforeEach
    void setUp() throws Exception {
        naming = new Naming(env.prefix() + "-r" + TEST_NUMBER.incrementAndGet());
        kafka = new KafkaTopics(env.kafkaBootstrapServers());
        for (Topic topic : Topic.values()) {
            kafka.create(topic == Topic.DLQ ? 1 : 3, naming.topic(topic));
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafkaBootstrapServers());
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
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
            new UserErasureSink(naming).write(c, accounts.stream().map(UUID::fromString).toList());
        }
    }

    private Sinks startSinks() {
        Sinks sinks = Sinks.start(new SinkSettings(naming, env.kafkaBootstrapServers(), 500, Duration.ofMillis(200)),
                pool);
        running.add(sinks);
        return sinks;
    }

    private void send(Topic topic, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(naming.topic(topic), user, value)).get();
    }

    private void send(MonthlyTotal total) throws Exception {
        send(Topic.REPORTS_MONTHLY, new JsonSerde<>(MonthlyTotal.class).serializer().serialize("t", total));
    }

    private void send(CategoryTotal total) throws Exception {
        send(Topic.REPORTS_CATEGORIES, new JsonSerde<>(CategoryTotal.class).serializer().serialize("t", total));
    }

    private void send(SummaryTotal total) throws Exception {
        send(Topic.REPORTS_SUMMARY, new JsonSerde<>(SummaryTotal.class).serializer().serialize("t", total));
    }

    private void sendUserEvent(String userId, EventPayload payload) throws Exception {
        Event event = new Event(UUID.randomUUID().toString(), EventType.of(payload).wireName(), 1, Instant.now(),
                userId, null, payload);
        producer.send(new ProducerRecord<>(naming.topic(Topic.USERS), userId, EventCodec.encode(event))).get();
    }

    private static BigDecimal amount(String text) {
        return new BigDecimal(text);
    }

    private String group(String sink) {
        return naming.groupId("sinks-" + sink);
    }

    private boolean reportsCaughtUp() throws Exception {
        return kafka.caughtUp(group("monthly-summaries"), naming.topic(Topic.REPORTS_MONTHLY))
                && kafka.caughtUp(group("category-summaries"), naming.topic(Topic.REPORTS_CATEGORIES))
                && kafka.caughtUp(group("user-summaries"), naming.topic(Topic.REPORTS_SUMMARY));
    }

    /** The columns of the user's rows, one string per row, in a stable order. */
    private List<String> rows(String sql, String userId) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(userId));
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.append(meta.getColumnName(i)).append('=').append(rs.getString(i)).append(' ');
                    }
                    rows.add(row.toString().trim());
                }
            }
        }
        return rows;
    }

    private List<String> monthly(String columns) throws Exception {
        return rows("SELECT " + columns + " FROM monthly_summaries WHERE user_id = ? ORDER BY year, month, currency",
                user);
    }

    private List<String> categories(String columns) throws Exception {
        return rows("SELECT " + columns + " FROM category_summaries WHERE user_id = ?"
                + " ORDER BY year, month, category_id NULLS FIRST, currency", user);
    }

    private List<String> summaries(String columns) throws Exception {
        return rows("SELECT " + columns + " FROM user_summaries WHERE user_id = ? ORDER BY currency", user);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void projectsTheLastTotalOfEveryReportAndAReplayFromOffsetZeroChangesNothing() throws Exception {
        send(new MonthlyTotal(user, 2026, 3, "EUR", amount("10.00"), 1, amount("10.00"), amount("10.00")));
        send(new MonthlyTotal(user, 2026, 3, "EUR", amount("25.00"), 2, amount("10.00"), amount("15.00")));
        send(new MonthlyTotal(user, 2026, 4, "USD", amount("0.00"), 0, null, null)); // fell to zero
        send(new CategoryTotal(user, 2026, 3, coffee, "EUR", amount("10.00"), 1, amount("10.00"), amount("10.00")));
        send(new CategoryTotal(user, 2026, 3, null, "EUR", amount("15.00"), 1, amount("15.00"), amount("15.00")));
        send(new CategoryTotal(user, 2026, 3, null, "EUR", amount("20.00"), 2, amount("5.00"),
                amount("15.00"))); // Uncategorized again: one row
        send(new CategoryTotal(user, 2026, 3, coffee, "EUR", amount("0.00"), 0, null, null));
        send(new SummaryTotal(user, "EUR", amount("25.00"), 2, amount("10.00"), amount("15.00")));
        send(new SummaryTotal(user, "JPY", amount("1500"), 1, amount("1500"), amount("1500")));

        Sinks sinks = startSinks();

        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(monthly("year, month, currency, total, count, min_amount, max_amount")).containsExactly(
                    "year=2026 month=3 currency=EUR total=25.00 count=2 min_amount=10.00 max_amount=15.00",
                    "year=2026 month=4 currency=USD total=0.00 count=0 min_amount=null max_amount=null");
            assertThat(categories("year, month, category_id, currency, total, count, min_amount, max_amount"))
                    .containsExactly(
                            "year=2026 month=3 category_id=null currency=EUR total=20.00 count=2 min_amount=5.00"
                                    + " max_amount=15.00",
                            "year=2026 month=3 category_id=" + coffee + " currency=EUR total=0.00 count=0"
                                    + " min_amount=null max_amount=null");
            assertThat(summaries("currency, total, count, min_amount, max_amount")).containsExactly(
                    "currency=EUR total=25.00 count=2 min_amount=10.00 max_amount=15.00",
                    "currency=JPY total=1500.00 count=1 min_amount=1500.00 max_amount=1500.00");
        });
        await().atMost(DEADLINE).until(this::reportsCaughtUp);
        // updated_at included: a replay that rewrote a row with equal values would still move it.
        List<String> monthlyBefore = monthly("*");
        List<String> categoriesBefore = categories("*");
        List<String> summariesBefore = summaries("*");
        sinks.close();

        // Replay every report topic from offset 0 as brand-new consumer groups would.
        await().atMost(DEADLINE).untilAsserted(() -> {
            kafka.deleteGroup(group("monthly-summaries"));
            kafka.deleteGroup(group("category-summaries"));
            kafka.deleteGroup(group("user-summaries"));
        });
        startSinks();
        await().atMost(DEADLINE).until(this::reportsCaughtUp);

        assertThat(monthly("*")).isEqualTo(monthlyBefore);
        assertThat(categories("*")).isEqualTo(categoriesBefore);
        assertThat(summaries("*")).isEqualTo(summariesBefore);
        assertThat(kafka.readAll(naming.topic(Topic.DLQ))).isEmpty();
    }

    @Test
    void aTotalFromAnEarlierOffsetNeverOverwritesTheRowEvenWithOtherValues() throws Exception {
        UUID owner = UUID.fromString(user);
        MonthlySummarySink monthly = new MonthlySummarySink(naming);
        UserSummarySink allTime = new UserSummarySink(naming);
        CategorySummarySink categories = new CategorySummarySink(naming);
        write(monthly, new MonthlySummarySink.Summary(owner, new MonthlyTotal(user, 2026, 3, "EUR", amount("25.00"), 2,
                amount("10.00"), amount("15.00")), new ReportRecords.Position(1, 7)));
        write(allTime, new UserSummarySink.Summary(owner, new SummaryTotal(user, "EUR", amount("25.00"), 2,
                amount("10.00"), amount("15.00")), new ReportRecords.Position(1, 7)));
        write(categories, new CategorySummarySink.Summary(owner, null, new CategoryTotal(user, 2026, 3, null, "EUR",
                amount("25.00"), 2, amount("10.00"), amount("15.00")), new ReportRecords.Position(1, 7)));
        List<String> before = new ArrayList<>();
        before.addAll(monthly("*"));
        before.addAll(summaries("*"));
        before.addAll(categories("*"));

        // What a replay reads first: the line as it stood at an earlier offset.
        write(monthly, new MonthlySummarySink.Summary(owner, new MonthlyTotal(user, 2026, 3, "EUR", amount("10.00"), 1,
                amount("10.00"), amount("10.00")), new ReportRecords.Position(1, 3)));
        write(allTime, new UserSummarySink.Summary(owner, new SummaryTotal(user, "EUR", amount("10.00"), 1,
                amount("10.00"), amount("10.00")), new ReportRecords.Position(1, 3)));
        write(categories, new CategorySummarySink.Summary(owner, null, new CategoryTotal(user, 2026, 3, null, "EUR",
                amount("10.00"), 1, amount("10.00"), amount("10.00")), new ReportRecords.Position(1, 3)));
        List<String> after = new ArrayList<>();
        after.addAll(monthly("*"));
        after.addAll(summaries("*"));
        after.addAll(categories("*"));
        assertThat(after).isEqualTo(before);

        // A later offset applies.
        write(monthly, new MonthlySummarySink.Summary(owner, new MonthlyTotal(user, 2026, 3, "EUR", amount("30.00"), 3,
                amount("5.00"), amount("15.00")), new ReportRecords.Position(1, 9)));
        assertThat(monthly("total, count, min_amount, source_partition, source_offset")).containsExactly(
                "total=30.00 count=3 min_amount=5.00 source_partition=1 source_offset=9");
    }

    private <S> void write(Sink<S> sink, S item) throws Exception {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            sink.write(c, List.of(item));
            c.commit();
        }
    }

    @Test
    void deadLettersPoisonReportsAndKeepsProjectingTheRest() throws Exception {
        for (Topic topic : REPORTS) {
            send(topic, "{not a total".getBytes(StandardCharsets.UTF_8));
        }
        send(new MonthlyTotal(user, 2026, 13, "EUR", amount("1.00"), 1));                    // no such month
        send(new CategoryTotal(user, 2026, 3, "not-a-uuid", "EUR", amount("1.00"), 1));     // malformed category
        send(new SummaryTotal(user, "EURO", amount("1.00"), 1, amount("1.00"), amount("1.00"))); // too long: CHAR(3)
        send(new MonthlyTotal(user, 2026, 3, "EUR", amount("2.00"), 1, amount("2.00"), amount("2.00")));
        send(new CategoryTotal(user, 2026, 3, coffee, "EUR", amount("2.00"), 1));
        send(new SummaryTotal(user, "EUR", amount("2.00"), 1, amount("2.00"), amount("2.00")));

        startSinks();

        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(monthly("month, total")).containsExactly("month=3 total=2.00");
            assertThat(categories("category_id, total")).containsExactly("category_id=" + coffee + " total=2.00");
            assertThat(summaries("currency, total")).containsExactly("currency=EUR total=2.00");
            assertThat(kafka.readAll(naming.topic(Topic.DLQ))).hasSize(6);
        });
        List<ConsumerRecord<byte[], byte[]>> dead = kafka.readAll(naming.topic(Topic.DLQ));
        List<String> reasons = dead.stream().map(r -> header(r, KafkaDeadLetters.REASON_HEADER)).toList();
        assertThat(reasons).filteredOn(reason -> reason.startsWith("undecodable")).hasSize(3);
        assertThat(reasons).filteredOn(reason -> reason.startsWith("invalid monthly total")).hasSize(1);
        assertThat(reasons).filteredOn(reason -> reason.startsWith("categoryId is not a UUID")).hasSize(1);
        assertThat(reasons).filteredOn(reason -> reason.startsWith("rejected by the database")).hasSize(1);
        assertThat(dead).allSatisfy(r -> assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(user));
        await().atMost(DEADLINE).until(this::reportsCaughtUp);
    }

    @Test
    void totalsOfAGoneAccountAreSkippedAndAnErasureRemovesTheReportRows() throws Exception {
        String gone = UUID.randomUUID().toString(); // never had an account here: its totals arrive too late
        send(new MonthlyTotal(user, 2026, 3, "EUR", amount("3.00"), 1, amount("3.00"), amount("3.00")));
        send(new CategoryTotal(user, 2026, 3, null, "EUR", amount("3.00"), 1));
        send(new SummaryTotal(user, "EUR", amount("3.00"), 1, amount("3.00"), amount("3.00")));
        send(new MonthlyTotal(gone, 2026, 3, "EUR", amount("4.00"), 1, amount("4.00"), amount("4.00")));
        send(new CategoryTotal(gone, 2026, 3, null, "EUR", amount("4.00"), 1));
        send(new SummaryTotal(gone, "EUR", amount("4.00"), 1, amount("4.00"), amount("4.00")));

        startSinks();
        await().atMost(DEADLINE).until(this::reportsCaughtUp);
        assertThat(monthly("total")).containsExactly("total=3.00");
        assertThat(categories("total")).containsExactly("total=3.00");
        assertThat(summaries("total")).containsExactly("total=3.00");
        for (String table : List.of("monthly_summaries", "category_summaries", "user_summaries")) {
            assertThat(rows("SELECT * FROM " + table + " WHERE user_id = ?", gone)).as(table).isEmpty();
        }

        sendUserEvent(user, new EventPayload.UserDeleted("self"));

        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(monthly("total")).isEmpty();
            assertThat(categories("total")).isEmpty();
            assertThat(summaries("total")).isEmpty();
        });
        assertThat(kafka.readAll(naming.topic(Topic.DLQ))).isEmpty();
    }
}
