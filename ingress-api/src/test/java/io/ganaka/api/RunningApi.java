package io.ganaka.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ganaka.api.events.JetStreamPublisher;
import io.ganaka.auth.AccessTokens;
import io.ganaka.auth.Argon2PasswordHasher;
import io.ganaka.schemas.Naming;
import io.ganaka.sql.Migrator;
import io.ganaka.testkit.TestEnvironment;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * A whole API on its own test environment (database, Redis prefix, JetStream stream), for ITs that need one of their
 * own; {@link #close()} stops it and removes everything the environment created.
 */
final class RunningApi implements AutoCloseable {

    static final String PASSWORD = "correct horse battery staple";

    final TestEnvironment env;
    final Naming naming;
    final HikariDataSource db;
    final UnifiedJedis redis;
    final Connection nats;
    final byte[] secret = new byte[32];
    final AccessTokens tokens;
    final ApiServer server;
    final ApiClient client;
    private final AtomicInteger users = new AtomicInteger();

    /** A signed-in user of the API under test, with the tokens of their one session. */
    record User(String id, String email, String token, String refreshToken) {}

    RunningApi(List<String> corsOrigins) throws Exception {
        env = TestEnvironment.start();
        naming = new Naming(env.prefix());
        Migrator.createDatabaseIfMissing(env.jdbcUrl());
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(env.jdbcUrl());
        config.setMaximumPoolSize(4);
        db = new HikariDataSource(config);
        Migrator.migrate(db);
        redis = RedisClient.create(URI.create(env.redisUrl()));
        nats = Nats.connect(env.natsUrl());
        nats.jetStreamManagement().addStream(StreamConfiguration.builder()
                .name(naming.streamName())
                .subjects(naming.eventSubjects())
                .storageType(StorageType.File)
                .duplicateWindow(Duration.ofMinutes(2))
                .build());
        new SecureRandom().nextBytes(secret);
        tokens = new AccessTokens(secret, Duration.ofMinutes(15), Clock.systemUTC());
        server = ApiServer.start(new ApiSettings(0, naming, Duration.ofSeconds(5), 16 * 1024, corsOrigins), db,
                new JetStreamPublisher(nats, naming, 64, Duration.ofSeconds(5)), redis, tokens,
                new Argon2PasswordHasher(2, Duration.ofSeconds(10)), TestLimits.GENEROUS);
        client = new ApiClient(server.port());
    }

    /** Registers and logs in a fresh user. */
    User signedInUser() throws Exception {
        String email = "user" + users.incrementAndGet() + "." + env.prefix() + "@example.org";
        String credentials = "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}";
        assertThat(client.postJson("/auth/register", credentials, null).statusCode()).isEqualTo(202);
        HttpResponse<String> login = client.postJson("/auth/login", credentials, null);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String token = ApiClient.json(login).get("accessToken").asText();
        String id = ApiClient.json(client.get("/auth/me", token)).get("id").asText();
        return new User(id, email, token, ApiClient.json(login).get("refreshToken").asText());
    }

    /** How many events the stream holds: unchanged means nothing was published. */
    long storedEvents() throws Exception {
        return nats.jetStreamManagement().getStreamInfo(naming.streamName()).getStreamState().getMsgCount();
    }

    /** Every row of every table in the public schema, as text per table, to compare before and after a request. */
    Map<String, String> databaseSnapshot() throws Exception {
        Map<String, String> snapshot = new LinkedHashMap<>();
        try (java.sql.Connection c = db.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            // Leaf tables only: a partitioned parent would repeat its partitions' rows.
            try (ResultSet rs = s.executeQuery("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid ="
                    + " c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname NOT LIKE"
                    + " 'flyway%' ORDER BY c.relname")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')"
                        + " FROM \"" + table + "\" t")) {
                    rs.next();
                    snapshot.put(table, rs.getString(1));
                }
            }
        }
        return snapshot;
    }

    @Override
    public void close() throws Exception {
        try (env; db; redis; nats; server) {
            // Closed in reverse order: the server first, the environment (which drops everything) last.
        }
    }
}
