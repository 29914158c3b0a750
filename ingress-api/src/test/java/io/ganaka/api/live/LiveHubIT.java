package io.ganaka.api.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ganaka.schemas.Json;
import io.ganaka.schemas.LiveMessage;
import io.ganaka.schemas.Naming;
import io.ganaka.testkit.TestEnvironment;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hub's fan-out over a real NATS server: one subscription per user, own messages only, limits. */
class LiveHubIT {

    private final Naming naming = new Naming(TestEnvironment.shared().prefix() + "-hub" + UUID.randomUUID()
            .toString().substring(0, 8));
    private Connection nats;
    private LiveHub hub;

    @BeforeEach
    void start() throws Exception {
        nats = Nats.connect(TestEnvironment.shared().natsUrl());
        hub = new LiveHub(new LiveFeed(nats, new LiveSettings(Duration.ofSeconds(30), 8, 2, 3)), naming,
                Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        hub.close();
        nats.close();
    }

    @Test
    void fansAUsersMessagesOutToThatUsersSocketsOnlyWithOneSubscriptionPerUser() throws Exception {
        FakeSession a1 = new FakeSession(false);
        FakeSession a2 = new FakeSession(false);
        FakeSession b1 = new FakeSession(false);
        LiveSocket socketA1 = open("a", a1);
        LiveSocket socketA2 = open("a", a2);
        open("b", b1);
        hub.flush();
        assertThat(hub.subscribedUsers()).isEqualTo(2);

        publish("a", message("a", "for-a"));
        publish("a", message("b", "claims-to-be-b")); // on a's subject, naming b: dropped
        publish("a", message("a", "again-for-a")); // in order after the dropped one
        publish("b", message("b", "for-b"));

        await().atMost(Duration.ofSeconds(10)).until(() -> a1.sent.size() == 3 && a2.sent.size() == 3
                && b1.sent.size() == 2);
        assertThat(a1.sent.subList(1, 3)).satisfiesExactly(m -> assertThat(m).contains("for-a"),
                m -> assertThat(m).contains("again-for-a"));
        assertThat(a2.sent).isEqualTo(a1.sent);
        assertThat(b1.sent.get(1)).contains("for-b");

        hub.unregister(socketA1);
        assertThat(hub.subscribedUsers()).isEqualTo(2);
        hub.unregister(socketA2);
        assertThat(hub.subscribedUsers()).isEqualTo(1);
        assertThat(hub.openSockets()).isEqualTo(1);
    }

    @Test
    void refusesSocketsBeyondTheLimitsPerUserAndPerInstance() {
        open("a", new FakeSession(false));
        open("a", new FakeSession(false));
        assertThat(hub.admits("a")).isFalse();
        LiveSocket third = new LiveSocket("a", new FakeSession(false).session(), 8, Instant.MAX, Instant.now());
        assertThat(hub.register(third)).isFalse();

        open("b", new FakeSession(false));
        assertThat(hub.admits("c")).as("3 sockets in all").isFalse();
    }

    private LiveSocket open(String user, FakeSession session) {
        LiveSocket socket = new LiveSocket(user, session.session(), 8, Instant.MAX, Instant.now());
        assertThat(hub.register(socket)).isTrue();
        socket.start("snapshot");
        return socket;
    }

    private void publish(String subjectUser, LiveMessage message) throws Exception {
        nats.publish(naming.liveSubject(subjectUser), Json.MAPPER.writeValueAsBytes(message));
        nats.flush(Duration.ofSeconds(5));
    }

    private static LiveMessage message(String user, String marker) {
        return new LiveMessage("dashboard.changed", user, marker, JsonNodeFactory.instance.objectNode());
    }
}
