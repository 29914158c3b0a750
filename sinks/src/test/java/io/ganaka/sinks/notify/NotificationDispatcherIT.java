package io.ganaka.sinks.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ganaka.sql.Migrator;
import io.ganaka.testkit.TestEnvironment;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher over the real {@code notifications} table with channels whose outcome the test decides: quiet hours
 * and the circuit breaker, which the end-to-end test cannot steer.
 */
class NotificationDispatcherIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @AutoClose
    private static HikariDataSource pool;

    private final UUID user = UUID.randomUUID();
    private final List<NotificationStore.Outcome> announced = new CopyOnWriteArrayList<>();
    /** What the dispatcher told its {@link NotificationOutcomes}, as "channel OUTCOME". */
    private final List<String> ended = new CopyOnWriteArrayList<>();
    private NotificationDispatcher dispatcher;

    @BeforeAll
    static void database() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TestEnvironment.shared().jdbcUrl());
        config.setMaximumPoolSize(6);
        pool = new HikariDataSource(config);
        Migrator.migrate(pool);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (dispatcher != null) {
            dispatcher.requestStop();
            dispatcher.awaitStopped(DEADLINE);
        }
        update("DELETE FROM notifications WHERE user_id = ?", user);
        update("DELETE FROM users WHERE id = ?", user);
    }

    /** A channel that answers what the test says and counts its calls. */
    private static final class FakeChannel implements NotificationChannel {
        final String name;
        final boolean quiet;
        final DeliveryOutcome outcome;
        final AtomicInteger calls = new AtomicInteger();

        FakeChannel(String name, boolean quiet, DeliveryOutcome outcome) {
            this.name = name;
            this.quiet = quiet;
            this.outcome = outcome;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Optional<String> recipientFor(UserContact user) {
            return Optional.of("r");
        }

        @Override
        public DeliveryOutcome deliver(Notification notification) {
            calls.incrementAndGet();
            return outcome;
        }

        @Override
        public boolean respectsQuietHours() {
            return quiet;
        }
    }

    /** This test's installation: the dispatcher claims only its rows, whatever else shares the database. */
    private final String namespace = "dispatcher-it-" + UUID.randomUUID();

    private void start(Duration breakerOpenWait, NotificationChannel... channels) {
        NotificationSettings.Dispatcher settings = new NotificationSettings.Dispatcher(Duration.ofMillis(20), 10, 2,
                new RetrySchedule(Duration.ofMillis(10), Duration.ofMillis(20), 1_000), Duration.ofSeconds(30),
                breakerOpenWait);
        dispatcher = new NotificationDispatcher(new NotificationStore(pool, namespace), List.of(channels), announced::addAll,
                settings, Clock.systemUTC(), (channel, outcome) -> ended.add(channel + " " + outcome));
        new Thread(dispatcher, "test-dispatcher").start();
    }

    private void account(String preferences) throws Exception {
        update("INSERT INTO users (id, email, email_normalized, timezone, preferences) VALUES (?, ?, ?, 'UTC', ?::jsonb)",
                user, user + "@example.org", user + "@example.org", preferences);
    }

    private void pending(String channel) throws Exception {
        UUID source = UUID.randomUUID();
        update("""
                INSERT INTO notifications (user_id, id, kind, channel, source_event_id, subject, body, recipient,
                                           next_attempt_at, created_at, namespace)
                VALUES (?, ?, 'welcome', ?, ?, 'Welcome to Ganaka', 'Hi', 'r', now(), now(), ?)
                """, user, NotificationIntake.notificationId(user, source, channel), channel, source, namespace);
    }

    private record Row(String status, int attempts, Instant nextAttemptAt) {}

    private Row row(String channel) throws Exception {
        try (var c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT status, attempts, next_attempt_at FROM notifications WHERE user_id = ? AND channel = ?")) {
            s.setObject(1, user);
            s.setString(2, channel);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new Row(rs.getString(1), rs.getInt(2), rs.getObject(3, OffsetDateTime.class).toInstant());
            }
        }
    }

    private void update(String sql, Object... values) throws Exception {
        try (var c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }

    @Test
    void inQuietHoursEmailWaitsForTheirEndWhileInAppGoesAtOnce() throws Exception {
        LocalTime now = LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        String start = now.minusHours(1).format(hhmm);
        String end = now.plusHours(1).format(hhmm);
        account("{\"quietHours\":{\"start\":\"" + start + "\",\"end\":\"" + end + "\"}}");
        Instant quietEnd = new QuietHours(LocalTime.parse(start), LocalTime.parse(end), ZoneOffset.UTC)
                .endIfQuiet(Instant.now()).orElseThrow();
        FakeChannel email = new FakeChannel("email", true, DeliveryOutcome.SENT);
        FakeChannel inApp = new FakeChannel("in-app", false, DeliveryOutcome.SENT);
        pending("email");
        pending("in-app");

        start(Duration.ofSeconds(30), email, inApp);

        await().atMost(DEADLINE).until(() -> row("in-app").status().equals("sent")
                && row("email").nextAttemptAt().equals(quietEnd));
        assertThat(row("email")).isEqualTo(new Row("pending", 0, quietEnd));
        assertThat(email.calls).hasValue(0);
        assertThat(inApp.calls).hasValue(1);
        await().atMost(DEADLINE).until(() -> announced.size() == 1);
        assertThat(announced.get(0).channel()).isEqualTo("in-app");
        assertThat(ended).containsExactly("in-app SENT");
    }

    @Test
    void aDispatcherDeliversOnlyItsOwnInstallationsNotifications() throws Exception {
        account("{}");
        FakeChannel inApp = new FakeChannel("in-app", false, DeliveryOutcome.SENT);
        pending("email"); // another installation's row in the same database
        update("UPDATE notifications SET namespace = ? WHERE user_id = ? AND channel = 'email'",
                "another-" + namespace, user);
        pending("in-app");

        start(Duration.ofSeconds(30), new FakeChannel("email", true, DeliveryOutcome.SENT), inApp);

        await().atMost(DEADLINE).until(() -> row("in-app").status().equals("sent") && announced.size() == 1);
        assertThat(row("email").status()).isEqualTo("pending");
        assertThat(row("email").attempts()).isZero();
        assertThat(announced).extracting(outcome -> outcome.channel()).containsExactly("in-app");
    }

    @Test
    void anOpenCircuitLeavesTheChannelAloneAndItsRowsPending() throws Exception {
        account("{}");
        FakeChannel down = new FakeChannel("email", true, DeliveryOutcome.retry("421 service not available"));
        pending("email");
        Instant started = Instant.now();

        start(Duration.ofHours(1), down); // opens after 5 failures of 5 calls, then waits an hour

        await().atMost(DEADLINE).until(() -> row("email").nextAttemptAt()
                .isAfter(started.plus(Duration.ofMinutes(59))));
        assertThat(row("email").status()).isEqualTo("pending");
        assertThat(row("email").attempts()).isEqualTo(5);
        assertThat(down.calls).hasValue(5);
        assertThat(announced).isEmpty();
        assertThat(ended).as("a retry is no end").isEmpty();
    }

    @Test
    void aNotificationForAChannelNobodyRegisteredIsSkippedAndAnnounced() throws Exception {
        account("{}");
        pending("webhook");

        start(Duration.ofSeconds(30), new FakeChannel("email", true, DeliveryOutcome.SENT));

        await().atMost(DEADLINE).until(() -> row("webhook").status().equals("skipped"));
        await().atMost(DEADLINE).until(() -> announced.size() == 1);
        assertThat(announced.get(0).status()).isEqualTo("skipped");
        assertThat(announced.get(0).error()).isEqualTo("no webhook channel is configured");
        assertThat(ended).containsExactly("webhook SKIPPED");
    }
}
