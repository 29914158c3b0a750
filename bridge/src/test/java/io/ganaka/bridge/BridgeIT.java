package io.ganaka.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventCodec;
import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.EventType;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.Topic;
import io.ganaka.testkit.KafkaTopics;
import io.ganaka.testkit.TestEnvironment;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bridge against the machine's NATS JetStream and a real Kafka broker. */
class BridgeIT {

    private static final AtomicInteger TEST_NUMBER = new AtomicInteger();
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private final TestEnvironment env = TestEnvironment.shared();
    private Naming naming;
    private Connection nats;
    private JetStream jetStream;
    private JetStreamManagement jsm;
    private KafkaTopics kafka;
    private final List<Bridge> bridges = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        // A sub-prefix per test: its own stream, consumer and topics; env.close() still finds the stream by prefix.
        naming = new Naming(env.prefix() + "-b" + TEST_NUMBER.incrementAndGet());
        nats = Nats.connect(env.natsUrl());
        jetStream = nats.jetStream();
        jsm = nats.jetStreamManagement();
        jsm.addStream(StreamConfiguration.builder()
                .name(naming.streamName())
                .subjects(naming.eventSubjects())
                .storageType(StorageType.File)
                .duplicateWindow(Duration.ofMinutes(2))
                .build());
        kafka = new KafkaTopics(env.kafkaBootstrapServers());
        kafka.create(3, naming.topic(Topic.USERS), naming.topic(Topic.EXPENSES), naming.topic(Topic.CATEGORIES),
                naming.topic(Topic.DLQ));
    }

    @AfterEach
    void tearDown() throws Exception {
        bridges.forEach(Bridge::close);
        try {
            jsm.deleteStream(naming.streamName());
        } finally {
            nats.close();
            kafka.close();
        }
    }

    private Bridge startBridge() {
        return startBridge(256);
    }

    private Bridge startBridge(int maxInFlight) {
        Bridge bridge = Bridge.start(
                new BridgeSettings(naming, env.kafkaBootstrapServers(), maxInFlight, Duration.ofSeconds(30)), nats);
        bridges.add(bridge);
        return bridge;
    }

    private static Event expenseAdded(String userId, int n) {
        return Event.create(userId, "corr-" + n, new EventPayload.ExpenseAdded(UUID.randomUUID().toString(), 1,
                new BigDecimal(n + ".50"), "EUR", "expense " + n, null, Instant.now(), null, List.of(), null));
    }

    private static Event userRegistered(String userId) {
        return Event.create(userId, null, new EventPayload.UserRegistered(userId + "@example.org", "U", "UTC"));
    }

    /** Publishes as the API does: subject per type, Nats-Msg-Id and the routing headers. */
    private void publish(Event event) throws Exception {
        Headers headers = new Headers()
                .put("Nats-Msg-Id", event.id())
                .put("Ganaka-User-Id", event.userId())
                .put("Ganaka-Event-Type", event.type());
        jetStream.publish(naming.eventSubject(event.eventType()), headers, EventCodec.encode(event));
    }

    /** Publishes {@code perUser} expenses for each of {@code users} users, interleaved; returns them in order. */
    private List<Event> publishExpenses(List<String> users, int perUser, int offset) throws Exception {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < perUser; i++) {
            for (String user : users) {
                Event event = expenseAdded(user, offset + i);
                publish(event);
                events.add(event);
            }
        }
        return events;
    }

    private List<ConsumerRecord<byte[], byte[]>> read(Topic... topics) {
        return kafka.readAll(Arrays.stream(topics).map(naming::topic).toArray(String[]::new));
    }

    /** The bridge keys every record by user id, as UTF-8. */
    private static String key(ConsumerRecord<byte[], ?> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private ConsumerInfo consumerInfo() throws Exception {
        return jsm.getConsumerInfo(naming.streamName(), naming.bridgeConsumer());
    }

    private void awaitNothingPendingOrUnacked() {
        await().atMost(DEADLINE).untilAsserted(() -> {
            ConsumerInfo info = consumerInfo();
            assertThat(info.getNumPending()).isZero();
            assertThat(info.getNumAckPending()).isZero();
        });
    }

    @Test
    void forwardsEveryEventToItsTopicKeyedByUserInOrderPerUser() throws Exception {
        List<String> users = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), UUID.randomUUID().toString());
        List<Event> registrations = new ArrayList<>();
        for (String user : users) {
            Event registered = userRegistered(user);
            publish(registered);
            registrations.add(registered);
        }
        List<Event> expenses = publishExpenses(users, 50, 0);

        Bridge bridge = startBridge();

        await().atMost(DEADLINE).until(() -> read(Topic.EXPENSES).size() >= expenses.size());
        List<ConsumerRecord<byte[], byte[]>> expenseRecords = read(Topic.EXPENSES);
        assertThat(expenseRecords).hasSize(expenses.size());
        for (String user : users) {
            List<String> published = expenses.stream().filter(e -> e.userId().equals(user)).map(Event::id).toList();
            List<String> arrived = expenseRecords.stream().filter(r -> user.equals(key(r)))
                    .map(r -> header(r, Bridge.EVENT_ID_HEADER)).toList();
            assertThat(arrived).as("order of user %s", user).containsExactlyElementsOf(published);
        }
        for (ConsumerRecord<byte[], byte[]> record : expenseRecords) {
            Event event = EventCodec.decode(record.value());
            assertThat(key(record)).isEqualTo(event.userId());
            assertThat(header(record, Bridge.EVENT_TYPE_HEADER)).isEqualTo("expense.added");
        }
        await().atMost(DEADLINE).until(() -> read(Topic.USERS).size() >= registrations.size());
        assertThat(read(Topic.USERS)).extracting(r -> header(r, Bridge.EVENT_ID_HEADER))
                .containsExactlyInAnyOrderElementsOf(registrations.stream().map(Event::id).toList());
        awaitNothingPendingOrUnacked();
        assertThat(bridge.counters().forwarded()).isEqualTo(expenses.size() + registrations.size());
        assertThat(bridge.counters().forwardedByType()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "expense.added", (long) expenses.size(), "user.registered", (long) registrations.size()));
        assertThat(bridge.backlog()).isEqualTo(new ConsumerBacklog(0, 0));
        assertThat(read(Topic.DLQ)).isEmpty();
    }

    @Test
    void deadLettersPoisonMessagesAndKeepsForwardingTheRest() throws Exception {
        String user = UUID.randomUUID().toString();
        Event before = expenseAdded(user, 1);
        publish(before);
        // No routing headers and a body that is not an event: nothing to key it by.
        jetStream.publish(naming.eventSubject(EventType.EXPENSE_ADDED), "{not json".getBytes(StandardCharsets.UTF_8));
        // A type no version of Ganaka knows.
        Headers unknown = new Headers().put("Nats-Msg-Id", UUID.randomUUID().toString())
                .put("Ganaka-User-Id", user).put("Ganaka-Event-Type", "expense.exploded");
        jetStream.publish(naming.eventSubjects().replace(">", "expense.exploded"), unknown, new byte[] {1, 2, 3});
        Event after = expenseAdded(user, 2);
        publish(after);

        Bridge bridge = startBridge();

        await().atMost(DEADLINE).until(() -> read(Topic.DLQ).size() >= 2 && read(Topic.EXPENSES).size() >= 2);
        assertThat(read(Topic.EXPENSES)).extracting(r -> header(r, Bridge.EVENT_ID_HEADER))
                .containsExactly(before.id(), after.id());
        List<ConsumerRecord<byte[], byte[]>> dead = read(Topic.DLQ);
        assertThat(dead).extracting(r -> header(r, Bridge.DLQ_REASON_HEADER))
                .anySatisfy(reason -> assertThat(reason).startsWith("undecodable event"))
                .anySatisfy(reason -> assertThat(reason).startsWith("unknown event type"));
        assertThat(dead).filteredOn(r -> "expense.exploded".equals(header(r, Bridge.EVENT_TYPE_HEADER)))
                .singleElement()
                .satisfies(r -> assertThat(key(r)).isEqualTo(user))
                .satisfies(r -> assertThat(r.value()).containsExactly(1, 2, 3));
        awaitNothingPendingOrUnacked();
        assertThat(bridge.counters().deadLettered()).isEqualTo(2);
        assertThat(bridge.counters().forwarded()).isEqualTo(2);
    }

    @Test
    void resumesAfterARestartWithoutLosingEvents() throws Exception {
        List<String> users = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        List<Event> first = publishExpenses(users, 300, 0);

        // One message in flight at a time: each waits for a Kafka round trip, so closing lands mid-stream.
        Bridge bridge = startBridge(1);
        await().atMost(DEADLINE).until(() -> bridge.counters().forwarded() >= 10);
        bridge.close();
        assertThat(bridge.counters().forwarded()).isLessThan(first.size());
        List<Event> second = publishExpenses(users, 100, 1000);
        startBridge();

        Set<String> published = new java.util.HashSet<>();
        first.forEach(e -> published.add(e.id()));
        second.forEach(e -> published.add(e.id()));
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(read(Topic.EXPENSES).stream()
                .map(r -> header(r, Bridge.EVENT_ID_HEADER)).collect(Collectors.toSet()))
                .containsAll(published));
        awaitNothingPendingOrUnacked();
        // Duplicates are allowed, but every user's first arrival of each event is still in publish order.
        List<ConsumerRecord<byte[], byte[]>> records = read(Topic.EXPENSES);
        for (String user : users) {
            Map<String, Boolean> firstArrivals = new LinkedHashMap<>();
            records.stream().filter(r -> user.equals(key(r)))
                    .forEach(r -> firstArrivals.putIfAbsent(header(r, Bridge.EVENT_ID_HEADER), true));
            List<String> expected = new ArrayList<>();
            first.stream().filter(e -> e.userId().equals(user)).forEach(e -> expected.add(e.id()));
            second.stream().filter(e -> e.userId().equals(user)).forEach(e -> expected.add(e.id()));
            assertThat(new ArrayList<>(firstArrivals.keySet())).containsExactlyElementsOf(expected);
        }
    }
}
