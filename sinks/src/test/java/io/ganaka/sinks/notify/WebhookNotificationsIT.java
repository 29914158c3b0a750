package io.ganaka.sinks.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventCodec;
import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.EventType;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.Topic;
import io.ganaka.schemas.webhooks.WebhookSecrets;
import io.ganaka.schemas.webhooks.WebhookSender;
import io.ganaka.schemas.webhooks.WebhookSignature;
import io.ganaka.schemas.webhooks.WebhookTargetPolicy;
import io.ganaka.sinks.SinkSettings;
import io.ganaka.sql.Migrator;
import io.ganaka.testkit.FreePorts;
import io.ganaka.testkit.KafkaTopics;
import io.ganaka.testkit.TestEnvironment;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
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

/**
 * Outgoing webhooks through the notification dispatcher, end to end inside the sinks role: events on the real Kafka
 * topics, subscriptions and rows in the real Postgres, deliveries received by an HTTP server in the test, and
 * notification.sent events read back from Kafka. The users have e-mail, SMS and in-app off, so every row is a webhook's.
 */
class WebhookNotificationsIT {

    private static final AtomicInteger TEST_NUMBER = new AtomicInteger();
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String CHANNELS_OFF =
            "{\"notifications\":{\"email\":false,\"sms\":{\"enabled\":false},\"inApp\":false}}";
    private static final List<String> INTAKE_SINKS =
            List.of("notify-alerts", "notify-users", "notify-reports", "notify-expenses", "notify-notifications");

    private static TestEnvironment env;
    @AutoClose
    private static HikariDataSource pool;

    private Naming naming;
    private KafkaTopics kafka;
    private KafkaProducer<String, byte[]> producer;
    private Connection nats;
    private HttpServer receiver;
    private Notifications notifications;
    private final UUID user = UUID.randomUUID();
    private final List<UUID> accounts = new ArrayList<>();
    /** The statuses the receiver answers, in turn; 200 once they are used up. */
    private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private record Received(String deliveryId, String eventType, String signature, byte[] body) {}

    @BeforeAll
    static void database() {
        env = TestEnvironment.shared();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(env.jdbcUrl() + "&reWriteBatchedInserts=true");
        config.setMaximumPoolSize(8);
        pool = new HikariDataSource(config);
        Migrator.migrate(pool);
    }

    @BeforeEach
    void setUp() throws Exception {
        naming = new Naming(env.prefix() + "-wh" + TEST_NUMBER.incrementAndGet());
        kafka = new KafkaTopics(env.kafkaBootstrapServers());
        kafka.create(2, naming.topic(Topic.ALERTS), naming.topic(Topic.USERS), naming.topic(Topic.REPORTS_UPDATES),
                naming.topic(Topic.EXPENSES_CATEGORIZED), naming.topic(Topic.NOTIFICATIONS));
        kafka.create(1, naming.topic(Topic.DLQ));
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafkaBootstrapServers());
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        nats = Nats.connect(env.natsUrl());
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestHeaders().getFirst(WebhookSender.DELIVERY_ID_HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookSender.EVENT_TYPE_HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER), body));
            Integer status = answers.poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        receiver.start();
        account(user);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (notifications != null) {
            notifications.close();
        }
        receiver.stop(0);
        producer.close();
        nats.close();
        kafka.close();
        for (UUID id : accounts) {
            update("DELETE FROM notifications WHERE user_id = ?", id);
            update("DELETE FROM users WHERE id = ?", id); // takes its webhooks and their deliveries along
        }
    }

    // ---- set-up helpers --------------------------------------------------------------------------------------------

    private void account(UUID id) throws Exception {
        update("INSERT INTO users (id, email, email_normalized, display_name, timezone, preferences)"
                + " VALUES (?, ?, ?, 'Asha', 'UTC', ?::jsonb)", id, id + "@example.org", id + "@example.org",
                CHANNELS_OFF);
        accounts.add(id);
    }

    private record Hook(UUID id, String secret) {}

    private Hook webhook(UUID owner, String... eventTypes) throws Exception {
        Hook hook = new Hook(UUID.randomUUID(), WebhookSecrets.generate());
        update("INSERT INTO webhooks (user_id, id, url, secret, event_types) VALUES (?, ?, ?, ?, ?::text[])", owner,
                hook.id(), "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", hook.secret(),
                "{" + String.join(",", eventTypes) + "}");
        return hook;
    }

    private void update(String sql, Object... values) throws Exception {
        try (var c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }

    private void startNotifications(int maxAttempts) {
        NotificationSettings settings = new NotificationSettings(
                new NotificationSettings.Dispatcher(Duration.ofMillis(50), 10, 2,
                        new RetrySchedule(Duration.ofMillis(100), Duration.ofMillis(300), maxAttempts),
                        Duration.ofSeconds(30), Duration.ofMillis(300)),
                new NotificationSettings.Smtp("127.0.0.1", FreePorts.next(), Optional.empty(), Optional.empty(),
                        "Ganaka <no-reply@ganaka.test>", Duration.ofSeconds(5)),
                NotificationSettings.Sms.log());
        SinkSettings sinks = new SinkSettings(naming, env.kafkaBootstrapServers(), 100, Duration.ofMillis(100));
        notifications = Notifications.start(settings, sinks, pool,
                Notifications.standardChannels(settings, nats, naming, pool, new WebhookTargetPolicy(true)));
    }

    private Event event(UUID owner, EventPayload payload) {
        return new Event(UUID.randomUUID().toString(), EventType.of(payload).wireName(), 1, Instant.now(),
                owner.toString(), null, payload);
    }

    private Event alert(UUID owner) {
        return event(owner, new EventPayload.AlertRaised(UUID.randomUUID().toString(), "high-value",
                UUID.randomUUID().toString(), 1L, null, "EUR", new BigDecimal("1500.00"), new BigDecimal("1000.00"),
                null, null, null, "large"));
    }

    private Event expenseAdded(UUID owner) {
        return event(owner, new EventPayload.ExpenseAdded(UUID.randomUUID().toString(), 1, new BigDecimal("4.20"),
                "EUR", "Espresso", "Café", Instant.now(), null, List.of(), ""));
    }

    /** Sends the event and returns the exact bytes that went onto the topic. */
    private byte[] send(Topic topic, Event event) throws Exception {
        byte[] bytes = EventCodec.encode(event);
        producer.send(new ProducerRecord<>(naming.topic(topic), event.userId(), bytes)).get();
        return bytes;
    }

    private record Row(UUID id, String kind, String recipient, String status, int attempts, String lastError) {}

    private List<Row> webhookRows(UUID owner) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (var c = pool.getConnection(); PreparedStatement s = c.prepareStatement("SELECT id, kind, recipient,"
                + " status, attempts, last_error FROM notifications WHERE user_id = ? AND channel = 'webhook'"
                + " ORDER BY created_at, id")) {
            s.setObject(1, owner);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), rs.getString(6)));
                }
            }
        }
        return rows;
    }

    private record Attempt(int attempt, String outcome, Integer statusCode, String error) {}

    private List<Attempt> attempts(Hook hook) throws Exception {
        List<Attempt> attempts = new ArrayList<>();
        try (var c = pool.getConnection(); PreparedStatement s = c.prepareStatement("SELECT attempt, outcome,"
                + " status_code, error FROM webhook_deliveries WHERE user_id = ? AND webhook_id = ? ORDER BY attempt")) {
            s.setObject(1, user);
            s.setObject(2, hook.id());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    attempts.add(new Attempt(rs.getInt(1), rs.getString(2), (Integer) rs.getObject(3),
                            rs.getString(4)));
                }
            }
        }
        return attempts;
    }

    private List<EventPayload.NotificationSent> sentEvents() {
        return kafka.readAll(naming.topic(Topic.NOTIFICATIONS)).stream()
                .map(r -> EventCodec.decode(r.value()).data())
                .filter(EventPayload.NotificationSent.class::isInstance)
                .map(EventPayload.NotificationSent.class::cast).toList();
    }

    private void awaitCaughtUp(Topic... topics) {
        await().atMost(DEADLINE).until(() -> {
            for (Topic topic : topics) {
                String sink = switch (topic) {
                    case ALERTS -> "notify-alerts";
                    case EXPENSES_CATEGORIZED -> "notify-expenses";
                    case NOTIFICATIONS -> "notify-notifications";
                    case REPORTS_UPDATES -> "notify-reports";
                    default -> "notify-users";
                };
                if (!kafka.caughtUp(naming.groupId("sinks-" + sink), naming.topic(topic))) {
                    return false;
                }
            }
            return true;
        });
    }

    // ---- the tests -------------------------------------------------------------------------------------------------

    @Test
    void anAlertForASubscribedUserIsDeliveredOnceSignedWithTheEventAsItsBody() throws Exception {
        Hook hook = webhook(user, "alert.raised");
        startNotifications(5);

        Event alert = alert(user);
        byte[] sent = send(Topic.ALERTS, alert);

        await().atMost(DEADLINE).until(() -> sentEvents().size() == 1);
        UUID deliveryId = WebhookIntake.notificationId(user, UUID.fromString(alert.id()), hook.id());
        assertThat(webhookRows(user)).containsExactly(
                new Row(deliveryId, "alert.raised", hook.id().toString(), "sent", 1, null));
        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.body()).isEqualTo(sent);
            assertThat(r.deliveryId()).isEqualTo(deliveryId.toString());
            assertThat(r.eventType()).isEqualTo("alert.raised");
            assertThat(WebhookSignature.verify(hook.secret(), r.signature(), r.body(), Instant.now(),
                    WebhookSignature.DEFAULT_TOLERANCE)).isEqualTo(WebhookSignature.Verdict.VALID);
        });
        assertThat(attempts(hook)).containsExactly(new Attempt(1, "sent", 200, null));
        assertThat(sentEvents()).singleElement().satisfies(e -> {
            assertThat(e.channel()).isEqualTo("webhook");
            assertThat(e.status()).isEqualTo("sent");
            assertThat(e.notificationId()).isEqualTo(deliveryId.toString());
        });
    }

    @Test
    void aReceiverThatFailsOnceGetsTheSameDeliveryOnTheRetry() throws Exception {
        Hook hook = webhook(user, "expense.added");
        answers.add(500);
        startNotifications(5);

        byte[] sent = send(Topic.EXPENSES_CATEGORIZED, expenseAdded(user));

        await().atMost(DEADLINE).until(() -> sentEvents().size() == 1);
        assertThat(webhookRows(user)).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo("sent");
            assertThat(row.attempts()).isEqualTo(2);
        });
        assertThat(received).hasSize(2);
        assertThat(received).extracting(Received::deliveryId).containsOnly(webhookRows(user).get(0).id().toString());
        assertThat(received).allSatisfy(r -> {
            assertThat(r.body()).isEqualTo(sent);
            assertThat(WebhookSignature.verify(hook.secret(), r.signature(), r.body(), Instant.now(),
                    WebhookSignature.DEFAULT_TOLERANCE)).isEqualTo(WebhookSignature.Verdict.VALID);
        });
        assertThat(attempts(hook)).containsExactly(new Attempt(1, "retry", 500, "the target answered 500"),
                new Attempt(2, "sent", 200, null));
    }

    @Test
    void aReceiverThatIsGoneFailsTheDeliveryAfterOneAttemptWithTheErrorAndAFailedEvent() throws Exception {
        Hook hook = webhook(user, "alert.raised");
        answers.add(410);
        startNotifications(5);

        send(Topic.ALERTS, alert(user));

        await().atMost(DEADLINE).until(() -> sentEvents().size() == 1);
        assertThat(webhookRows(user)).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo("failed");
            assertThat(row.attempts()).isEqualTo(1);
            assertThat(row.lastError()).isEqualTo("the target answered 410");
        });
        assertThat(sentEvents()).singleElement().satisfies(e -> {
            assertThat(e.channel()).isEqualTo("webhook");
            assertThat(e.status()).isEqualTo("failed");
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.error()).isEqualTo("the target answered 410");
        });
        assertThat(received).hasSize(1);
        assertThat(attempts(hook)).containsExactly(new Attempt(1, "failed", 410, "the target answered 410"));
    }

    @Test
    void aWebhookPausedWhileItsDeliveryIsRetriedIsSkippedWithoutAnotherRequest() throws Exception {
        Hook hook = webhook(user, "alert.raised");
        for (int i = 0; i < 1_000; i++) {
            answers.add(503); // never accepts while it is on
        }
        startNotifications(1_000);

        send(Topic.ALERTS, alert(user));
        await().atMost(DEADLINE).until(() -> !attempts(hook).isEmpty());
        update("UPDATE webhooks SET active = false WHERE user_id = ? AND id = ?", user, hook.id());

        await().atMost(DEADLINE).until(() -> sentEvents().size() == 1);
        assertThat(webhookRows(user)).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo("skipped");
            assertThat(row.lastError()).isEqualTo("webhook " + hook.id() + " is inactive");
        });
        assertThat(sentEvents()).extracting(EventPayload.NotificationSent::status).containsExactly("skipped");
        // Every request the receiver saw is an attempt on record: none was made after the pause.
        assertThat(received).hasSize(attempts(hook).size());
        assertThat(attempts(hook)).extracting(Attempt::outcome).containsOnly("retry");
    }

    @Test
    void noRowIsMadeForAUserWithoutWebhooksNorForATypeNobodySubscribedTo() throws Exception {
        webhook(user, "expense.added");
        UUID stranger = UUID.randomUUID();
        account(stranger);
        startNotifications(5);

        send(Topic.ALERTS, alert(user)); // a type the webhook does not want
        send(Topic.ALERTS, alert(stranger)); // a user without webhooks
        send(Topic.EXPENSES_CATEGORIZED, expenseAdded(stranger));
        send(Topic.EXPENSES_CATEGORIZED, event(user, new EventPayload.ExpenseCategorized(UUID.randomUUID().toString(),
                1, null, "none", List.of(), null, "rules-applied"))); // not a subscribable type

        awaitCaughtUp(Topic.ALERTS, Topic.EXPENSES_CATEGORIZED);
        assertThat(webhookRows(user)).isEmpty();
        assertThat(webhookRows(stranger)).isEmpty();
        assertThat(received).isEmpty();
    }

    @Test
    void replayingTheInputTopicsFromTheStartInsertsAndSendsNothingNew() throws Exception {
        webhook(user, "alert.raised", "expense.added", "notification.sent");
        startNotifications(5);
        send(Topic.ALERTS, alert(user));
        send(Topic.EXPENSES_CATEGORIZED, expenseAdded(user));
        await().atMost(DEADLINE).until(() -> sentEvents().size() == 2);
        List<Row> before = webhookRows(user);
        assertThat(before).hasSize(2).allSatisfy(row -> assertThat(row.status()).isEqualTo("sent"));
        notifications.close();
        notifications = null;
        for (String sink : INTAKE_SINKS) {
            String group = naming.groupId("sinks-" + sink);
            await().atMost(DEADLINE).ignoreExceptions().untilAsserted(() -> kafka.deleteGroup(group));
        }

        startNotifications(5);

        awaitCaughtUp(Topic.ALERTS, Topic.EXPENSES_CATEGORIZED, Topic.NOTIFICATIONS);
        assertThat(webhookRows(user)).isEqualTo(before);
        assertThat(received).hasSize(2);
        assertThat(sentEvents()).hasSize(2);
    }

    @Test
    void theNotificationSentOfAWebhookDeliveryMakesNoFurtherWebhookNotification() throws Exception {
        Hook hook = webhook(user, "alert.raised", "notification.sent");
        startNotifications(5);

        send(Topic.ALERTS, alert(user));
        await().atMost(DEADLINE).until(() -> sentEvents().size() == 1);
        // An e-mail's notification.sent is wanted, so the subscription itself works.
        Event emailSent = event(user, new EventPayload.NotificationSent(UUID.randomUUID().toString(),
                "alert.high-value", "email", "sent", UUID.randomUUID().toString(), 1, null));
        byte[] emailSentBytes = send(Topic.NOTIFICATIONS, emailSent);

        await().atMost(DEADLINE).until(() -> received.size() >= 2);
        awaitCaughtUp(Topic.NOTIFICATIONS);
        await().atMost(DEADLINE).until(() -> sentEvents().size() >= 3); // the alert's, the e-mail's, and its delivery's
        awaitCaughtUp(Topic.NOTIFICATIONS);
        assertThat(webhookRows(user)).extracting(Row::kind).containsExactly("alert.raised", "notification.sent");
        assertThat(webhookRows(user)).allSatisfy(row -> assertThat(row.recipient()).isEqualTo(hook.id().toString()));
        assertThat(received).extracting(Received::eventType).containsExactly("alert.raised", "notification.sent");
        assertThat(received.get(1).body()).isEqualTo(emailSentBytes);
    }
}
