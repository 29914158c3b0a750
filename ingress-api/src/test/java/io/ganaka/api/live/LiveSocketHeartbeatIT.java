package io.ganaka.api.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.ganaka.api.ApiDependencies;
import io.ganaka.api.ApiServer;
import io.ganaka.api.ApiSettings;
import io.ganaka.api.events.JetStreamPublisher;
import io.ganaka.auth.AccessTokens;
import io.ganaka.auth.Argon2PasswordHasher;
import io.ganaka.schemas.Naming;
import io.ganaka.sql.Migrator;
import io.ganaka.testkit.TestEnvironment;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * The heartbeat over a real socket, pinging every second: a client that answers the pings stays, one that stops
 * answering (here: reads nothing at all) is closed.
 */
class LiveSocketHeartbeatIT {

    @SuppressWarnings("try") // jnats' Connection.close() may throw InterruptedException, which is passed on
    @Test
    void aClientThatAnswersThePingsStaysAndOneThatStopsAnsweringIsClosed() throws Exception {
        TestEnvironment env = TestEnvironment.shared();
        Naming naming = new Naming(env.prefix() + "-beat");
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        AccessTokens tokens = new AccessTokens(secret, Duration.ofMinutes(15), Clock.systemUTC());
        UUID user = UUID.randomUUID();
        try (HikariDataSource db = new HikariDataSource();
             UnifiedJedis redis = RedisClient.create(URI.create(env.redisUrl()));
             Connection nats = Nats.connect(env.natsUrl())) {
            db.setJdbcUrl(env.jdbcUrl());
            db.setMaximumPoolSize(2);
            Migrator.migrate(db);
            try (PreparedStatement s = db.getConnection().prepareStatement(
                    "INSERT INTO users (id, email, email_normalized) VALUES (?, ?, ?)")) {
                s.setObject(1, user);
                s.setString(2, user + "@example.org");
                s.setString(3, user + "@example.org");
                s.executeUpdate();
            }
            try (ApiServer server = ApiServer.start(ApiDependencies.of(
                            new ApiSettings(0, naming, Duration.ofSeconds(5), 16 * 1024, List.of()), db,
                            new JetStreamPublisher(nats, naming, 16, Duration.ofSeconds(5)), redis, tokens,
                            new Argon2PasswordHasher(1, Duration.ofSeconds(5)))
                    .withLive(new LiveFeed(nats, new LiveSettings(Duration.ofSeconds(1), 64, 5, 100))))) {
                String token = tokens.issue(user.toString(), "user").token();
                URI socket = URI.create("ws://127.0.0.1:" + server.port() + "/ws/dashboard");
                List<String> heard = new CopyOnWriteArrayList<>();
                WebSocket answering = HttpClient.newHttpClient().newWebSocketBuilder()
                        .subprotocols("ganaka.v1", "bearer." + token)
                        .buildAsync(socket, new WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                                heard.add(data.toString());
                                if (data.toString().contains("\"ping\"")) {
                                    webSocket.sendText("{\"type\":\"pong\"}", true);
                                }
                                webSocket.request(1);
                                return null;
                            }
                        })
                        .get(10, TimeUnit.SECONDS);
                // A listener that never asks for a frame: it reads nothing, so it answers no ping either.
                WebSocket stalled = HttpClient.newHttpClient().newWebSocketBuilder()
                        .subprotocols("ganaka.v1", "bearer." + token)
                        .buildAsync(socket, new WebSocket.Listener() {
                            @Override
                            public void onOpen(WebSocket webSocket) {
                                // no request(): stalled
                            }
                        })
                        .get(10, TimeUnit.SECONDS);
                await().atMost(Duration.ofSeconds(10)).until(() -> server.liveHub().openSockets() == 2);

                await().atMost(Duration.ofSeconds(30)).until(() -> server.liveHub().openSockets() == 1);
                // Four pings answered span more than the 2.5 s of silence that closed the other socket.
                await().atMost(Duration.ofSeconds(30)).until(() -> heard.stream().filter(m -> m.contains("\"ping\""))
                        .count() >= 4);
                assertThat(answering.isInputClosed()).isFalse();
                assertThat(server.liveHub().openSockets()).isEqualTo(1);
                answering.abort();
                stalled.abort();
            } finally {
                try (PreparedStatement s = db.getConnection().prepareStatement("DELETE FROM users WHERE id = ?")) {
                    s.setObject(1, user);
                    s.executeUpdate();
                }
            }
        }
    }
}
