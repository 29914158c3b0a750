package io.ganaka.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.ganaka.schemas.CategoryTotal;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventCodec;
import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.EventType;
import io.ganaka.schemas.Json;
import io.ganaka.schemas.JsonSerde;
import io.ganaka.schemas.MonthlyTotal;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.Topic;
import io.ganaka.schemas.dashboard.Dashboard;
import io.ganaka.schemas.dashboard.DashboardKeys;
import io.ganaka.schemas.dashboard.DashboardQueries;
import io.ganaka.schemas.dashboard.DashboardState;
import io.ganaka.testkit.KafkaTopics;
import io.ganaka.testkit.TestEnvironment;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * The dashboard sink against real Kafka, Postgres and Redis, beside the other sinks: the cached dashboard follows the
 * expense, report and alert topics, equals what the database rebuild makes of the other sinks' tables, and a replay of
 * every topic from offset 0 leaves Redis as it was and pushes nothing.
 */
class DashboardSinkIT {

    private static final AtomicInteger TEST_NUMBER = new AtomicInteger();
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final List<Topic> READ = List.of(Topic.EXPENSES_CATEGORIZED, Topic.REPORTS_MONTHLY,
            Topic.REPORTS_CATEGORIES, Topic.ALERTS, Topic.USERS);

    private static TestEnvironment env;
    @AutoClose
    private static HikariDataSource pool;
    @AutoClose
    private static RedisClient redis;

    private Naming naming;
    private KafkaTopics kafka;
    private KafkaProducer<String, byte[]> producer;
    private final List<Sinks> running = new ArrayList<>();
    private final List<Dashboard> pushed = new CopyOnWriteArrayList<>();
    private final UUID user = UUID.randomUUID();
    private final YearMonth month = YearMonth.now(ZoneOffset.UTC);
    private final Instant inMonth = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);

    @BeforeAll
    static void services() {
        env = TestEnvironment.shared();
        pool = SinkDatabase.migratedPool(4);
        redis = RedisClient.create(URI.create(env.redisUrl()));
    }

    @BeforeEach
    void setUp() throws Exception {
        naming = new Naming(env.prefix() + "-d" + TEST_NUMBER.incrementAndGet());
        kafka = new KafkaTopics(env.kafkaBootstrapServers());
        for (Topic topic : Topic.values()) {
            kafka.create(topic == Topic.DLQ ? 1 : 2, naming.topic(topic));
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafkaBootstrapServers());
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        SinkDatabase.createAccount(pool, user);
    }

    @AfterEach
    void tearDown() throws Exception {
        running.forEach(Sinks::close);
        producer.close();
        kafka.close();
        redis.del(key());
        try (Connection c = pool.getConnection()) {
            new UserErasureSink(naming).write(c, List.of(user));
        }
    }

    @Test
    void cachesTheDashboardAsTheDatabaseWouldRebuildItAndAReplayFromOffsetZeroChangesNothing() throws Exception {
        String lunch = UUID.randomUUID().toString();
        String taxi = UUID.randomUUID().toString();
        String gone = UUID.randomUUID().toString();
        String food = UUID.randomUUID().toString();
        expense(new EventPayload.ExpenseAdded(lunch, 1, new BigDecimal("12.5"), "EUR", "Lunch", "Cafe",
                inMonth.plus(2, ChronoUnit.HOURS), null, List.of(), null));
        expense(new EventPayload.ExpenseCategorized(lunch, 1, food, "rule", List.of("meal"), null, "rule"));
        expense(new EventPayload.ExpenseAdded(taxi, 1, new BigDecimal("30"), "EUR", "Taxi", null,
                inMonth.plus(1, ChronoUnit.HOURS), null, List.of(), null));
        // Sub-microsecond digits Postgres would round up: the rebuilt dashboard must still equal the cached one.
        expense(new EventPayload.ExpenseUpdated(taxi, 2, new BigDecimal("31"), "EUR", "Taxi home", null,
                inMonth.plus(3, ChronoUnit.HOURS).plusNanos(700), null, List.of("late"), null));
        expense(new EventPayload.ExpenseAdded(gone, 1, new BigDecimal("5"), "USD", "Oops", null, inMonth, null,
                List.of(), null));
        expense(new EventPayload.ExpenseDeleted(gone, 2));
        expense(new EventPayload.ExpenseAdded(taxi, 1, new BigDecimal("30"), "EUR", "Taxi", null,
                inMonth.plus(1, ChronoUnit.HOURS), null, List.of(), null)); // late duplicate of the first version
        report(Topic.REPORTS_MONTHLY, new JsonSerde<>(MonthlyTotal.class).serializer().serialize("t",
                new MonthlyTotal(user.toString(), month.getYear(), month.getMonthValue(), "EUR",
                        new BigDecimal("43.50"), 2)));
        report(Topic.REPORTS_MONTHLY, new JsonSerde<>(MonthlyTotal.class).serializer().serialize("t",
                new MonthlyTotal(user.toString(), month.getYear(), month.getMonthValue(), "USD", BigDecimal.ZERO,
                        0)));
        report(Topic.REPORTS_CATEGORIES, new JsonSerde<>(CategoryTotal.class).serializer().serialize("t",
                new CategoryTotal(user.toString(), month.getYear(), month.getMonthValue(), food, "EUR",
                        new BigDecimal("12.50"), 1)));
        report(Topic.REPORTS_CATEGORIES, new JsonSerde<>(CategoryTotal.class).serializer().serialize("t",
                new CategoryTotal(user.toString(), month.getYear(), month.getMonthValue(), null, "EUR",
                        new BigDecimal("31.00"), 1)));
        String alertId = UUID.randomUUID().toString();
        send(Topic.ALERTS, new EventPayload.AlertRaised(alertId, "high-value", taxi, 2L, null, "EUR",
                new BigDecimal("31.00"), new BigDecimal("30.00"), null, null, null, "Taxi home is a large expense"));

        startSinks();

        await().atMost(DEADLINE).untilAsserted(() -> {
            Dashboard cached = cached().dashboard();
            assertThat(cached.latestExpenses()).extracting(e -> e.id() + " v" + e.version() + " " + e.amount())
                    .containsExactly(taxi + " v2 31.00", lunch + " v1 12.50");
            assertThat(cached.latestExpenses().get(1).categoryId()).isEqualTo(food);
            assertThat(cached.totals()).containsExactly(new Dashboard.Total("EUR", "43.50", 2));
            assertThat(cached.categories()).hasSize(2);
            assertThat(cached.alerts()).extracting(a -> a.alertId()).containsExactly(alertId);
            assertThat(cached.withVersion(0)).isEqualTo(rebuiltFromDatabase());
        });
        assertThat(pushed).isNotEmpty();
        assertThat(pushed.get(pushed.size() - 1)).isEqualTo(cached().dashboard());
        assertThat(redis.pttl(key())).isPositive().isLessThanOrEqualTo(DashboardKeys.TTL.toMillis());

        Map<String, String> before = redis.hgetAll(key());
        running.forEach(Sinks::close);
        running.clear();
        kafka.deleteGroup(naming.groupId("sinks-dashboard"));
        pushed.clear();
        startSinks();
        await().atMost(DEADLINE).until(this::dashboardSinkCaughtUp);

        assertThat(redis.hgetAll(key())).isEqualTo(before);
        assertThat(pushed).isEmpty();
    }

    @Test
    void startsADashboardItHasNoCacheForFromTheDatabaseAndKeepsWhatTheDatabaseHad() throws Exception {
        String first = UUID.randomUUID().toString();
        expense(new EventPayload.ExpenseAdded(first, 1, new BigDecimal("7"), "EUR", "Book", null, inMonth, null,
                List.of(), null));
        startSinks();
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(cached().dashboard().latestExpenses()).hasSize(1));

        redis.del(key()); // expired, say
        String second = UUID.randomUUID().toString();
        expense(new EventPayload.ExpenseAdded(second, 1, new BigDecimal("8"), "EUR", "Pen", null,
                inMonth.plusSeconds(60), null, List.of(), null));

        await().atMost(DEADLINE).untilAsserted(() -> assertThat(cached().dashboard().latestExpenses())
                .extracting(e -> e.id()).containsExactly(second, first));
    }

    @Test
    void aDeletedAccountTakesItsDashboardWithIt() throws Exception {
        expense(new EventPayload.ExpenseAdded(UUID.randomUUID().toString(), 1, new BigDecimal("7"), "EUR", "Book",
                null, inMonth, null, List.of(), null));
        startSinks();
        await().atMost(DEADLINE).until(() -> redis.exists(key()));

        send(Topic.USERS, new EventPayload.UserDeleted("self"));

        await().atMost(DEADLINE).until(() -> !redis.exists(key()));
    }

    private void startSinks() {
        running.add(Sinks.start(new SinkSettings(naming, env.kafkaBootstrapServers(), 500, Duration.ofMillis(100)),
                pool, ProjectionReports.NONE, redis, (correlationId, dashboard) -> pushed.add(dashboard)));
    }

    private boolean dashboardSinkCaughtUp() throws Exception {
        for (Topic topic : READ) {
            if (!kafka.caughtUp(naming.groupId("sinks-dashboard"), naming.topic(topic))) {
                return false;
            }
        }
        return true;
    }

    private String key() {
        return DashboardKeys.key(naming, user.toString());
    }

    private DashboardState cached() throws Exception {
        String json = redis.hget(key(), DashboardKeys.STATE_FIELD);
        assertThat(json).as("cached dashboard").isNotNull();
        return Json.MAPPER.readValue(json, DashboardState.class);
    }

    private Dashboard rebuiltFromDatabase() throws Exception {
        try (Connection c = pool.getConnection()) {
            return DashboardQueries.load(c, user, "UTC", month).toState(0).dashboard();
        }
    }

    private void expense(EventPayload payload) throws Exception {
        send(Topic.EXPENSES_CATEGORIZED, payload);
    }

    private void send(Topic topic, EventPayload payload) throws Exception {
        // An event time with sub-microsecond digits Postgres would round up (alerts are raised at it).
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS).plusNanos(600);
        Event event = new Event(UUID.randomUUID().toString(), EventType.of(payload).wireName(), 1, at,
                user.toString(), "req-1", payload);
        producer.send(new ProducerRecord<>(naming.topic(topic), user.toString(), EventCodec.encode(event))).get();
    }

    private void report(Topic topic, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(naming.topic(topic), user.toString(), value)).get();
    }
}
