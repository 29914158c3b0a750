package io.ganaka.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ganaka.api.events.EventPublisher;
import io.ganaka.api.events.JetStreamPublisher;
import io.ganaka.auth.AbuseLimits;
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
import java.sql.PreparedStatement;
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
 * A whole API on a test environment (database, Redis prefix, JetStream stream), its own or the JVM's shared one as
 * {@link ApiOptions} say; {@link #close()} stops it and removes what it created.
 */
@SuppressWarnings("try") // close() passes on the InterruptedException of jnats' Connection.close()
final class RunningApi implements AutoCloseable {

    static final String PASSWORD = "correct horse battery staple";

    final TestEnvironment env;
    final Naming naming;
    final HikariDataSource db;
    final UnifiedJedis redis;
    final Connection nats;
    final byte[] secret = new byte[32];
    final AccessTokens tokens;
    final Argon2PasswordHasher hasher;
    final ApiServer server;
    final ApiClient client;
    private final ApiOptions options;
    private final AtomicInteger users = new AtomicInteger();

    /** A signed-in user of the API under test, with the tokens of their one session. */
    record User(String id, String email, String token, String refreshToken) {}

    RunningApi(List<String> corsOrigins) throws Exception {
        this(ApiOptions.ownEnvironment().corsOrigins(corsOrigins));
    }

    RunningApi(ApiOptions options) throws Exception {
        this.options = options;
        env = options.shared() ? TestEnvironment.shared() : TestEnvironment.start();
        naming = new Naming(env.prefix() + options.namingSuffix());
        Migrator.createDatabaseIfMissing(env.jdbcUrl());
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(env.jdbcUrl());
        config.setMaximumPoolSize(options.poolSize());
        db = new HikariDataSource(config);
        Migrator.migrate(db);
        redis = RedisClient.create(URI.create(env.redisUrl()));
        nats = Nats.connect(env.natsUrl());
        // Suites on the shared environment may share a stream too: the first one creates it.
        if (!nats.jetStreamManagement().getStreamNames().contains(naming.streamName())) {
            nats.jetStreamManagement().addStream(StreamConfiguration.builder()
                    .name(naming.streamName())
                    .subjects(naming.eventSubjects())
                    .storageType(StorageType.File)
                    .duplicateWindow(Duration.ofMinutes(2))
                    .build());
        }
        new SecureRandom().nextBytes(secret);
        tokens = new AccessTokens(secret, Duration.ofMinutes(15), Clock.systemUTC());
        hasher = new Argon2PasswordHasher(options.hasherSlots(), options.hasherMaxWait());
        server = startServer(options.limits());
        client = new ApiClient(server.port());
    }

    /** Settings for another server on this API's infrastructure, named by {@code names}. */
    ApiSettings settings(Naming names) {
        return new ApiSettings(0, names, Duration.ofSeconds(5), 16 * 1024, options.corsOrigins());
    }

    /** Another server on this API's database, Redis, stream and keys, but with other abuse limits. */
    ApiServer startServer(AbuseLimits limits) {
        JetStreamPublisher publisher =
                new JetStreamPublisher(nats, naming, options.publisherBuffer(), Duration.ofSeconds(5));
        return startServer(naming, publisher, limits);
    }

    /** Another server on this API's database, Redis and keys that publishes through {@code publisher}. */
    ApiServer startServer(Naming names, EventPublisher publisher, AbuseLimits limits) {
        return ApiServer.start(dependencies(names, publisher).withLimits(limits));
    }

    /**
     * What another server on this API's database, Redis and keys (named by {@code names}) is built over, publishing
     * through {@code publisher}; the optional collaborators have their defaults, to be replaced with {@code with...}.
     */
    ApiDependencies dependencies(Naming names, EventPublisher publisher) {
        return ApiDependencies.of(settings(names), db, publisher, redis, tokens, hasher);
    }

    /**
     * Another server on this API's database, Redis and keys (so this API's sessions and tokens work on it) that
     * publishes under a prefix ({@code env.prefix() + suffix}) with no stream: a publish answers "no responders"
     * instead of an ack, as when JetStream cannot store the event.
     */
    ApiServer startStreamlessServer(String suffix, AbuseLimits limits) {
        Naming streamless = new Naming(env.prefix() + suffix);
        return startServer(naming, new JetStreamPublisher(nats, streamless, 64, Duration.ofSeconds(2)), limits);
    }

    /** A fresh e-mail address, unique among the users of this API's naming prefix. */
    String nextEmail() {
        return "user" + users.incrementAndGet() + "." + naming.prefix() + "@example.org";
    }

    /** The JSON body of a registration or login. */
    static String credentials(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }

    /** Registers and logs in a fresh user. */
    User signedInUser() throws Exception {
        String email = nextEmail();
        assertThat(client.postJson("/auth/register", credentials(email, PASSWORD), null).statusCode()).isEqualTo(202);
        return logIn(email);
    }

    /** Logs a registered user in with {@link #PASSWORD}: a new session. */
    User logIn(String email) throws Exception {
        HttpResponse<String> login = client.postJson("/auth/login", credentials(email, PASSWORD), null);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String token = ApiClient.json(login).get("accessToken").asText();
        String id = ApiClient.json(client.get("/auth/me", token)).get("id").asText();
        return new User(id, email, token, ApiClient.json(login).get("refreshToken").asText());
    }

    /** The single number {@code sql} answers with the user's id as its one parameter, e.g. a count. */
    int count(String sql, String userId) throws Exception {
        try (java.sql.Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
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
        if (options.shared()) {
            try (db; redis; nats) {
                server.close();
                if (!options.namingSuffix().isEmpty()) {
                    // The sub-prefix is ours alone; the environment's own cleanup only knows the plain prefix.
                    nats.jetStreamManagement().deleteStream(naming.streamName());
                    redis.keys(naming.redisPrefix() + "*").forEach(redis::del);
                }
            }
            return;
        }
        try (env; db; redis; nats; server) {
            // Closed in reverse order: the server first, the environment (which drops everything) last.
        }
    }
}
