package io.ganaka.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventCodec;
import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.Json;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.Topic;
import io.ganaka.schemas.dashboard.Dashboard;
import io.ganaka.schemas.dashboard.DashboardKeys;
import io.ganaka.schemas.dashboard.DashboardQueries;
import io.ganaka.schemas.dashboard.DashboardState;
import io.ganaka.schemas.dashboard.ExpenseItem;
import io.ganaka.testkit.MutableClock;
import io.ganaka.testkit.TestEnvironment;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * The dashboard sink refills a short expense list from the {@code expenses} table only once the table holds every
 * expense version the dashboard has applied: the expenses sink, in a consumer group of its own, may not have written
 * them yet. Both sinks are driven batch by batch here, so the table's lag is set exactly.
 */
class DashboardRefillIT {

    private static final AtomicInteger TEST_NUMBER = new AtomicInteger();
    private static final int EXPENSES = 24;
    private static final int DELETED = 4;

    private static TestEnvironment env;
    @AutoClose
    private static HikariDataSource pool;
    @AutoClose
    private static RedisClient redis;

    private final UUID user = UUID.randomUUID();
    private final List<String> ids = new ArrayList<>();
    private final MutableClock clock = new MutableClock(YearMonth.now(ZoneOffset.UTC).atDay(15).atTime(12, 0)
            .toInstant(ZoneOffset.UTC));
    private final YearMonth month = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
    private Naming naming;
    private ExpenseSink expenses;
    private DashboardSink dashboards;
    private long offset;

    @BeforeAll
    static void services() {
        env = TestEnvironment.shared();
        pool = SinkDatabase.migratedPool(2);
        redis = RedisClient.create(URI.create(env.redisUrl()));
    }

    @BeforeEach
    void setUp() throws Exception {
        naming = new Naming(env.prefix() + "-refill" + TEST_NUMBER.incrementAndGet());
        expenses = new ExpenseSink(naming);
        dashboards = new DashboardSink(naming, new DashboardCacheWriter(redis, naming), LivePushes.NONE, clock);
        SinkDatabase.createAccount(pool, user);
        // 24 expenses, newest first: the dashboard shows the first 20 and knows there are more.
        List<ConsumerRecord<byte[], byte[]>> added = new ArrayList<>();
        for (int i = 0; i < EXPENSES; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            added.add(record(new EventPayload.ExpenseAdded(id, 1, new BigDecimal("10.00"), "EUR", "Expense " + i,
                    null, clock.instant().minus(i + 1, ChronoUnit.HOURS), null, List.of(), null)));
        }
        write(expenses, added);
        write(dashboards, added);
        assertThat(cached().latestExpenses()).extracting(ExpenseItem::id).containsExactlyElementsOf(ids.subList(0, 20));
    }

    @AfterEach
    void tearDown() throws Exception {
        redis.del(DashboardKeys.key(naming, user.toString()));
        try (Connection c = pool.getConnection()) {
            new UserErasureSink(naming).write(c, List.of(user));
        }
    }

    @Test
    void aRefillWaitsUntilTheExpensesTableHoldsWhatTheDashboardApplied() throws Exception {
        List<ConsumerRecord<byte[], byte[]>> deletions = deleteNewest();
        Dashboard before = cached();

        // The dashboard is ahead: four deletions leave its list at 16, and the table still shows them live.
        assertThatThrownBy(() -> write(dashboards, deletions)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("waits for the expenses table");
        assertThat(cached()).as("nothing written while waiting").isEqualTo(before);

        write(expenses, deletions);
        write(dashboards, deletions); // the batch again, as the sink runner retries it

        assertThat(cached().latestExpenses()).extracting(ExpenseItem::id)
                .containsExactlyElementsOf(ids.subList(DELETED, DELETED + 20));
        assertThat(cached().withVersion(0)).isEqualTo(rebuiltFromDatabase());
    }

    @Test
    void aTableThatNeverCatchesUpHoldsTheRefillBackOnlyForTheLongestWait() throws Exception {
        List<ConsumerRecord<byte[], byte[]>> deletions = deleteNewest();
        assertThatThrownBy(() -> write(dashboards, deletions)).isInstanceOf(IllegalStateException.class);

        clock.set(clock.instant().plus(ExpenseRefillGate.MAX_WAIT));
        write(dashboards, deletions);

        // Refilled from what the table holds: its four live-looking deletions stay off, so the list is short.
        assertThat(cached().latestExpenses()).extracting(ExpenseItem::id)
                .containsExactlyElementsOf(ids.subList(DELETED, 21));
    }

    private List<ConsumerRecord<byte[], byte[]>> deleteNewest() {
        List<ConsumerRecord<byte[], byte[]>> deletions = new ArrayList<>();
        for (int i = 0; i < DELETED; i++) {
            deletions.add(record(new EventPayload.ExpenseDeleted(ids.get(i), 2)));
        }
        return deletions;
    }

    private ConsumerRecord<byte[], byte[]> record(EventPayload payload) {
        Event event = Event.create(user.toString(), "req-refill", payload);
        return new ConsumerRecord<>(naming.topic(Topic.EXPENSES_CATEGORIZED), 0, offset++,
                user.toString().getBytes(StandardCharsets.UTF_8), EventCodec.encode(event));
    }

    /** Decodes and writes a batch in one committed transaction, as the sink runner does. */
    private static <T> void write(Sink<T> sink, List<ConsumerRecord<byte[], byte[]>> records) throws Exception {
        List<T> batch = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            Optional<T> decoded = sink.decode(record);
            decoded.ifPresent(batch::add);
        }
        SinkDatabase.inTransaction(pool, c -> sink.write(c, batch));
    }

    private Dashboard cached() throws Exception {
        String json = redis.hget(DashboardKeys.key(naming, user.toString()), DashboardKeys.STATE_FIELD);
        assertThat(json).as("cached dashboard").isNotNull();
        return Json.MAPPER.readValue(json, DashboardState.class).dashboard();
    }

    private Dashboard rebuiltFromDatabase() throws Exception {
        try (Connection c = pool.getConnection()) {
            return DashboardQueries.load(c, user, "UTC", month).toState(0).dashboard();
        }
    }
}
