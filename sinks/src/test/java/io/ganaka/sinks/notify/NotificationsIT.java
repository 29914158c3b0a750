package io.ganaka.sinks.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventCodec;
import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.EventType;
import io.ganaka.schemas.Json;
import io.ganaka.schemas.LiveMessage;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.Topic;
import io.ganaka.sinks.SinkSettings;
import io.ganaka.sql.Migrator;
import io.ganaka.testkit.FreePorts;
import io.ganaka.testkit.KafkaTopics;
import io.ganaka.testkit.TestEnvironment;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

/**
 * Notifications end to end inside the sinks role: events on the real Kafka topics, rows in the real Postgres, e-mail
 * received by a GreenMail SMTP server, in-app messages on the real NATS, notification.sent events read back from Kafka.
 */
class NotificationsIT {

    private static final AtomicInteger TEST_NUMBER = new AtomicInteger();
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private static TestEnvironment env;
    @AutoClose
    private static HikariDataSource pool;

    private Naming naming;
    private KafkaTopics kafka;
    private KafkaProducer<String, byte[]> producer;
    private Connection nats;
    private final List<LiveMessage> live = new CopyOnWriteArrayList<>();
    private final int smtpPort = FreePorts.next();
    private GreenMail mail;
    private Notifications notifications;
    private final UUID user = UUID.randomUUID();

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
        naming = new Naming(env.prefix() + "-n" + TEST_NUMBER.incrementAndGet());
        kafka = new KafkaTopics(env.kafkaBootstrapServers());
        kafka.create(2, naming.topic(Topic.ALERTS), naming.topic(Topic.USERS), naming.topic(Topic.REPORTS_UPDATES),
                naming.topic(Topic.NOTIFICATIONS));
        kafka.create(1, naming.topic(Topic.DLQ));
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafkaBootstrapServers());
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        nats = Nats.connect(env.natsUrl());
        Dispatcher d = nats.createDispatcher(msg -> live.add(liveMessage(msg.getData())));
        d.subscribe(naming.liveSubject(user.toString()));
        nats.flush(Duration.ofSeconds(5));
        account(user, "{}");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (notifications != null) {
            notifications.close();
        }
        stopMail();
        producer.close();
        nats.close();
        kafka.close();
        update("DELETE FROM notifications WHERE user_id = ?", user);
        update("DELETE FROM users WHERE id = ?", user);
    }

    private static LiveMessage liveMessage(byte[] data) {
        try {
            return Json.MAPPER.readValue(data, LiveMessage.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not a live message", e);
        }
    }

    // ---- set-up helpers --------------------------------------------------------------------------------------------

    private void account(UUID id, String preferences) throws Exception {
        update("INSERT INTO users (id, email, email_normalized, display_name, timezone, preferences)"
                + " VALUES (?, ?, ?, 'Asha', 'Europe/Berlin', ?::jsonb)", id, id + "@example.org",
                id + "@example.org", preferences);
    }

    private void update(String sql, Object... values) throws Exception {
        try (var c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }

    private void startMail() {
        mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
        mail.start();
    }

    private void stopMail() {
        if (mail != null) {
            mail.stop();
        }
    }

    private void startNotifications(int maxAttempts) {
        NotificationSettings settings = new NotificationSettings(
                new NotificationSettings.Dispatcher(Duration.ofMillis(50), 10, 2,
                        new RetrySchedule(Duration.ofMillis(100), Duration.ofMillis(300), maxAttempts),
                        Duration.ofSeconds(30), Duration.ofMillis(300)),
                new NotificationSettings.Smtp("127.0.0.1", smtpPort, Optional.empty(), Optional.empty(),
                        "Ganaka <no-reply@ganaka.test>", Duration.ofSeconds(5)),
                NotificationSettings.Sms.log());
        SinkSettings sinks = new SinkSettings(naming, env.kafkaBootstrapServers(), 100, Duration.ofMillis(100));
        notifications = Notifications.start(settings, sinks, pool,
                Notifications.standardChannels(settings, nats, naming));
    }

    private Event event(EventPayload payload, String id) {
        return new Event(id, EventType.of(payload).wireName(), 1, Instant.parse("2026-03-15T12:00:00Z"),
                user.toString(), null, payload);
    }

    private Event highValueAlert() {
        String id = UUID.randomUUID().toString();
        return event(new EventPayload.AlertRaised(id, "high-value", UUID.randomUUID().toString(), 1L, null, "EUR",
                new BigDecimal("1500.00"), new BigDecimal("1000.00"), null, null, null, "large"), id);
    }

    private void send(Topic topic, Event event) throws Exception {
        producer.send(new ProducerRecord<>(naming.topic(topic), event.userId(), EventCodec.encode(event))).get();
    }

    private record Row(String channel, String status, int attempts, String lastError) {}

    private List<Row> rows() throws Exception {
        List<Row> rows = new ArrayList<>();
        try (var c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT channel, status, attempts, last_error FROM notifications WHERE user_id = ? ORDER BY channel")) {
            s.setObject(1, user);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)));
                }
            }
        }
        return rows;
    }

    private List<EventPayload.NotificationSent> sentEvents() {
        return kafka.readAll(naming.topic(Topic.NOTIFICATIONS)).stream()
                .map(r -> (EventPayload.NotificationSent) EventCodec.decode(r.value()).data()).toList();
    }

    private MimeMessage[] received() {
        return mail.getReceivedMessages();
    }

    // ---- the tests -------------------------------------------------------------------------------------------------

    @Test
    void aLargeExpensesAlertSendsExactlyOneEmailAndOneInAppMessage() throws Exception {
        startMail();
        startNotifications(5);

        send(Topic.ALERTS, highValueAlert());

        await().atMost(DEADLINE).until(() -> sentEvents().size() == 2);
        assertThat(rows()).extracting(Row::channel, Row::status, Row::attempts)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("email", "sent", 1),
                        org.assertj.core.groups.Tuple.tuple("in-app", "sent", 1));
        assertThat(received()).hasSize(1);
        MimeMessage message = received()[0];
        assertThat(message.getSubject()).isEqualTo("Large expense: 1500.00 EUR");
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo(user + "@example.org");
        await().atMost(DEADLINE).until(() -> live.size() == 1);
        assertThat(live.get(0).type()).isEqualTo("notification");
        assertThat(live.get(0).data().get("body").asText())
                .isEqualTo("An expense of 1500.00 EUR was recorded, at or above your threshold of 1000.00 EUR.");
        assertThat(sentEvents()).extracting(EventPayload.NotificationSent::status).containsOnly("sent");
    }

    @Test
    void anEmailWaitsWhileTheMailServerIsDownAndIsDeliveredOnceItIsUp() throws Exception {
        startNotifications(1_000);

        send(Topic.ALERTS, highValueAlert());

        await().atMost(DEADLINE).until(() -> rows().stream()
                .anyMatch(r -> r.channel().equals("email") && r.attempts() >= 2 && r.lastError() != null));
        assertThat(rows()).filteredOn(r -> r.channel().equals("email")).extracting(Row::status)
                .containsExactly("pending");

        startMail();

        await().atMost(DEADLINE).until(() -> rows().stream().allMatch(r -> r.status().equals("sent")));
        await().atMost(DEADLINE).until(() -> sentEvents().size() == 2);
        assertThat(received()).hasSize(1);
        assertThat(rows()).filteredOn(r -> r.channel().equals("email")).extracting(Row::lastError)
                .containsExactly((String) null);
    }

    @Test
    void anEmailThatNeverGoesThroughFailsAfterTheLastAttemptWithItsErrorAndAnEvent() throws Exception {
        startNotifications(3);

        send(Topic.ALERTS, highValueAlert());

        await().atMost(DEADLINE).until(() -> rows().stream()
                .anyMatch(r -> r.channel().equals("email") && r.status().equals("failed")));
        Row email = rows().stream().filter(r -> r.channel().equals("email")).findFirst().orElseThrow();
        assertThat(email.attempts()).isEqualTo(3);
        assertThat(email.lastError()).contains("gave up after 3 attempts").contains("MailConnectException");
        await().atMost(DEADLINE).until(() -> sentEvents().stream()
                .anyMatch(e -> e.channel().equals("email") && e.status().equals("failed")));
        EventPayload.NotificationSent failed = sentEvents().stream().filter(e -> e.channel().equals("email"))
                .findFirst().orElseThrow();
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.error()).contains("gave up after 3 attempts");
    }

    @Test
    void replayingTheInputTopicsFromTheStartInsertsAndSendsNothingAgain() throws Exception {
        startMail();
        startNotifications(5);
        send(Topic.ALERTS, highValueAlert());
        send(Topic.USERS, event(new EventPayload.UserRegistered(user + "@example.org", "Asha", "Europe/Berlin"),
                UUID.randomUUID().toString()));
        await().atMost(DEADLINE).until(() -> sentEvents().size() == 4);
        List<Row> before = rows();
        notifications.close();
        notifications = null;
        for (String sink : List.of("notify-alerts", "notify-users", "notify-reports")) {
            String group = naming.groupId("sinks-" + sink);
            await().atMost(DEADLINE).ignoreExceptions().untilAsserted(() -> kafka.deleteGroup(group));
        }

        startNotifications(5);

        await().atMost(DEADLINE).until(() -> kafka.caughtUp(naming.groupId("sinks-notify-alerts"),
                naming.topic(Topic.ALERTS)) && kafka.caughtUp(naming.groupId("sinks-notify-users"),
                naming.topic(Topic.USERS)));
        assertThat(rows()).isEqualTo(before);
        assertThat(received()).hasSize(2);
        assertThat(live).hasSize(2);
        assertThat(sentEvents()).hasSize(4);
    }

    @Test
    void aNewAccountGetsAWelcomeEmail() throws Exception {
        startMail();
        startNotifications(5);

        send(Topic.USERS, event(new EventPayload.UserRegistered(user + "@example.org", "Asha", "Europe/Berlin"),
                UUID.randomUUID().toString()));

        assertThat(mail.waitForIncomingEmail(DEADLINE.toMillis(), 1)).isTrue();
        assertThat(received()[0].getSubject()).isEqualTo("Welcome to Ganaka");
        assertThat(received()[0].getContent().toString()).isNotNull();
        await().atMost(DEADLINE).until(() -> sentEvents().size() == 2);
        assertThat(sentEvents()).extracting(EventPayload.NotificationSent::kind).containsOnly("welcome");
    }

    @Test
    void aClosedMonthSendsTheMonthlySummary() throws Exception {
        startMail();
        startNotifications(5);
        UUID coffee = UUID.randomUUID();
        update("INSERT INTO categories (user_id, id, name) VALUES (?, ?, 'Coffee & Tea')", user, coffee);
        EventPayload.ReportLine total = new EventPayload.ReportLine(null, "EUR", new BigDecimal("246.50"), 3,
                new BigDecimal("12.00"), new BigDecimal("200.00"));
        EventPayload.ReportLine inCoffee = new EventPayload.ReportLine(coffee.toString(), "EUR",
                new BigDecimal("246.50"), 3, new BigDecimal("12.00"), new BigDecimal("200.00"));
        send(Topic.REPORTS_UPDATES, event(new EventPayload.ReportUpdated("monthly", 2026, 3, null, List.of(total),
                List.of()), UUID.randomUUID().toString())); // a report change: no notification
        send(Topic.REPORTS_UPDATES, event(new EventPayload.ReportUpdated("month-closed", 2026, 3, "Europe/Berlin",
                List.of(total), List.of(inCoffee)), UUID.randomUUID().toString()));

        assertThat(mail.waitForIncomingEmail(DEADLINE.toMillis(), 1)).isTrue();
        MimeMessage summary = received()[0];
        assertThat(summary.getSubject()).isEqualTo("Your spending in March 2026");
        String text = ((jakarta.mail.Multipart) summary.getContent()).getBodyPart(0).getContent().toString();
        assertThat(text).contains("246.50 EUR in 3 expenses").contains("Coffee & Tea: 246.50 EUR in 3 expenses");
        String html = ((jakarta.mail.Multipart) summary.getContent()).getBodyPart(1).getContent().toString();
        assertThat(html).contains("<td>Coffee &amp; Tea</td>");
        await().atMost(DEADLINE).until(() -> sentEvents().size() == 2);
        assertThat(rows()).hasSize(2);
        assertThat(received()).hasSize(1);
    }

    @Test
    void anUndecodableRecordOnAnyInputTopicGoesToTheDeadLetterTopicAndTheRestIsNotified() throws Exception {
        startMail();
        startNotifications(5);
        for (Topic topic : List.of(Topic.ALERTS, Topic.USERS, Topic.REPORTS_UPDATES)) {
            producer.send(new ProducerRecord<>(naming.topic(topic), user.toString(),
                    "{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8))).get();
        }

        send(Topic.ALERTS, highValueAlert());

        await().atMost(DEADLINE).until(() -> kafka.readAll(naming.topic(Topic.DLQ)).size() == 3);
        await().atMost(DEADLINE).until(() -> sentEvents().size() == 2);
        assertThat(received()).hasSize(1);
    }

    @Test
    void aUserWithEmailOffGetsOnlyTheInAppNotification() throws Exception {
        update("UPDATE users SET preferences = ?::jsonb WHERE id = ?",
                "{\"notifications\":{\"email\":false,\"sms\":{\"enabled\":false},\"inApp\":true}}", user);
        startMail();
        startNotifications(5);

        send(Topic.ALERTS, highValueAlert());

        await().atMost(DEADLINE).until(() -> sentEvents().size() == 1);
        assertThat(rows()).extracting(Row::channel).containsExactly("in-app");
        assertThat(received()).isEmpty();
    }
}
