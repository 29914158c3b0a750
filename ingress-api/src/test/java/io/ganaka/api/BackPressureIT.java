package io.ganaka.api;

import static io.ganaka.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ganaka.api.RunningApi.User;
import io.ganaka.api.events.EventPublisher;
import io.ganaka.api.events.JetStreamPublisher;
import io.ganaka.testkit.TcpProxy;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * When a dependency falls behind or goes away, the API sheds load with 503, {@code Retry-After} and problem+json
 * instead of hanging or failing with 500: NATS killed, the publish window full behind a frozen JetStream, the
 * Postgres pool busy, Redis gone (sessions fail closed), and more requests than the API admits at once.
 */
@SuppressWarnings("try") // jnats' Connection.close() may throw InterruptedException, which is passed on
class BackPressureIT {

    private static final String TEA = "{\"amount\":\"1.00\",\"currency\":\"EUR\",\"description\":\"Tea\","
            + "\"occurredAt\":\"2026-03-15T12:00:00Z\"}";

    @AutoClose
    private static RunningApi running;
    @AutoClose("shutdownNow")
    private static final ExecutorService clients = Executors.newCachedThreadPool();

    @BeforeAll
    static void start() throws Exception {
        running = new RunningApi(ApiOptions.sharedEnvironment().namingSuffix("-backpressure"));
    }

    @Test
    void aWriteAnswers503WithRetryAfterOnceTheNatsServerIsKilled() throws Exception {
        User user = running.signedInUser();
        try (PrivateServer natsServer = PrivateServer.nats(); Connection nats = connect(natsServer);
             ApiServer server = serverPublishingTo(nats, 64, Duration.ofSeconds(2), running.db)) {
            ApiClient client = new ApiClient(server.port());
            assertThat(client.postJson("/expenses", TEA, user.token()).statusCode()).isEqualTo(202);

            natsServer.kill();
            await().atMost(Duration.ofSeconds(30)).until(() -> nats.getStatus() != Connection.Status.CONNECTED);
            HttpResponse<String> response = client.postJson("/expenses", TEA, user.token());

            assertShed(response);
        }
    }

    @Test
    void withThePublishWindowFullBehindAFrozenStreamAWriteAnswers503AtOnce() throws Exception {
        User user = running.signedInUser();
        try (PrivateServer natsServer = PrivateServer.nats(); Connection nats = connect(natsServer);
             ApiServer server = serverPublishingTo(nats, 1, Duration.ofSeconds(15), running.db)) {
            ApiClient client = new ApiClient(server.port());
            natsServer.freeze();
            long sent = nats.getStatistics().getOutMsgs();

            // The first write takes the one publish slot and waits for an ack the frozen server does not send.
            Future<HttpResponse<String>> first = clients.submit(() -> client.postJson("/expenses", TEA, user.token()));
            await().atMost(Duration.ofSeconds(10)).until(() -> nats.getStatistics().getOutMsgs() > sent);
            HttpResponse<String> second = client.postJson("/expenses", TEA, user.token());

            assertShed(second);
            assertThat(first).as("the first write still waits for its ack").isNotDone();
            natsServer.thaw();
            assertThat(first.get().statusCode()).as(first.get().body()).isEqualTo(202);
        }
    }

    @Test
    void aFullStreamThatDiscardsNothingRefusesTheWriteAnd503IsTheAnswer() throws Exception {
        User user = running.signedInUser();
        try (PrivateServer natsServer = PrivateServer.nats(); Connection nats = connect(natsServer);
             ApiServer server = serverPublishingTo(nats, 64, Duration.ofSeconds(2), running.db)) {
            // As Provisioning keeps the event stream: limits retention, discard new; here full after one event.
            nats.jetStreamManagement().updateStream(StreamConfiguration.builder(
                            nats.jetStreamManagement().getStreamInfo(running.naming.streamName()).getConfiguration())
                    .discardPolicy(DiscardPolicy.New).maxMessages(1).build());
            ApiClient client = new ApiClient(server.port());
            assertThat(client.postJson("/expenses", TEA, user.token()).statusCode()).isEqualTo(202);

            HttpResponse<String> response = client.postJson("/expenses", TEA, user.token());

            assertShed(response);
            assertThat(nats.jetStreamManagement().getStreamInfo(running.naming.streamName()).getStreamState()
                    .getMsgCount()).as("the stored event was kept").isEqualTo(1);
        }
    }

    @Test
    void aReadAnswers503WithRetryAfterWhenNoPooledPostgresConnectionFreesUpInTime() throws Exception {
        User user = running.signedInUser();
        try (HikariDataSource onePool = pool(1, Duration.ofMillis(250));
             ApiServer server = serverPublishingTo(running.nats, 64, Duration.ofSeconds(5), onePool);
             java.sql.Connection held = onePool.getConnection()) {
            HttpResponse<String> response = new ApiClient(server.port()).get("/expenses", user.token());

            assertShed(response);
            assertThat(held.isValid(1)).isTrue();
        }
    }

    @Test
    void withRedisGoneATokenIsNeitherAcceptedNorRefusedButAnswered503() throws Exception {
        User user = running.signedInUser();
        URI shared = URI.create(running.env.redisUrl());
        // The user's session lives in the shared Redis: the API reaches it through a proxy the test then cuts.
        try (TcpProxy redisProxy = TcpProxy.start(shared.getHost(), shared.getPort());
             UnifiedJedis redis = redisAt(redisProxy.port());
             ApiServer server = ApiServer.start(ApiDependencies.of(running.settings(running.naming), running.db,
                     publisher(running.nats, 64, Duration.ofSeconds(5)), redis, running.tokens, running.hasher)
                     .withLimits(TestLimits.GENEROUS))) {
            ApiClient client = new ApiClient(server.port());
            assertThat(client.get("/auth/me", user.token()).statusCode()).isEqualTo(200);

            redisProxy.cut();
            HttpResponse<String> response = client.get("/auth/me", user.token());

            // Fail closed: the session check could not run, so the token is not accepted (and not called invalid).
            assertShed(response);
        }
    }

    @Test
    void beyondTheRequestsItAdmitsTheApiAnswers503AtOnceAndStillAnswersItsHealthProbe() throws Exception {
        User user = running.signedInUser();
        try (HikariDataSource onePool = pool(1, Duration.ofSeconds(15));
             ApiServer server = ApiServer.start(ApiDependencies.of(
                             running.settings(running.naming).withHttp(new HttpLimits(1, 0, Duration.ofSeconds(1), 100)),
                             onePool, publisher(running.nats, 64, Duration.ofSeconds(5)), running.redis,
                             running.tokens, running.hasher)
                     .withLimits(TestLimits.GENEROUS))) {
            ApiClient client = new ApiClient(server.port());
            CompletableFuture<HttpResponse<String>> first;
            try (java.sql.Connection held = onePool.getConnection()) {
                // The one admitted request waits for the pool's only connection, which this test holds.
                first = CompletableFuture.supplyAsync(() -> get(client, "/expenses", user.token()), clients);
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> onePool.getHikariPoolMXBean().getThreadsAwaitingConnection() == 1);

                HttpResponse<String> second = client.get("/expenses", user.token());
                HttpResponse<String> health = client.get("/health", null);

                assertShed(second);
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(held.isValid(1)).isTrue();
                assertThat(client.get("/metrics", null).body()).as("shed requests are counted")
                        .contains("http_server_requests_shed_total{method=\"GET\"} 1.0")
                        .contains("http_server_requests_shed_total{method=\"POST\"} 0.0");
            }
            assertThat(first.get().statusCode()).as(first.get().body()).isEqualTo(200);
        }
    }

    private static void assertShed(HttpResponse<String> response) throws Exception {
        assertProblem(response, 503, "service-unavailable");
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
    }

    private static HttpResponse<String> get(ApiClient client, String path, String token) {
        try {
            return client.get(path, token);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server on the shared Redis and keys that publishes through {@code nats} and reads {@code db}. */
    private static ApiServer serverPublishingTo(Connection nats, int window, Duration ackTimeout, DataSource db) {
        ApiSettings settings = new ApiSettings(0, running.naming, ackTimeout, 16 * 1024);
        return ApiServer.start(ApiDependencies.of(settings, db, publisher(nats, window, ackTimeout), running.redis,
                running.tokens, running.hasher).withLimits(TestLimits.GENEROUS));
    }

    private static EventPublisher publisher(Connection nats, int window, Duration ackTimeout) {
        return new JetStreamPublisher(nats, running.naming, window, ackTimeout);
    }

    /** A connection to a private server that carries this suite's stream, reconnecting like the real one. */
    private static Connection connect(PrivateServer server) throws Exception {
        Connection nats = Nats.connect(new Options.Builder().server("nats://127.0.0.1:" + server.port())
                .connectionTimeout(Duration.ofSeconds(2)).maxReconnects(-1).reconnectWait(Duration.ofMillis(200))
                .build());
        nats.jetStreamManagement().addStream(StreamConfiguration.builder()
                .name(running.naming.streamName())
                .subjects(running.naming.eventSubjects())
                .storageType(StorageType.File)
                .duplicateWindow(Duration.ofMinutes(2))
                .build());
        return nats;
    }

    private static HikariDataSource pool(int size, Duration connectionTimeout) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(running.env.jdbcUrl());
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(connectionTimeout.toMillis());
        return new HikariDataSource(config);
    }

    private static UnifiedJedis redisAt(int port) {
        return RedisClient.builder().hostAndPort(new HostAndPort("127.0.0.1", port))
                .clientConfig(DefaultJedisClientConfig.builder().timeoutMillis(500).build()).build();
    }
}
