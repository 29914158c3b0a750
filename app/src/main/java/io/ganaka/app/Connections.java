package io.ganaka.app;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.util.JedisURIHelper;

/** Builds the clients of the shared infrastructure, each configured in exactly one place. */
final class Connections {

    private static final Logger log = LoggerFactory.getLogger(Connections.class);

    private Connections() {}

    static HikariDataSource postgres(GanakaConfig config, String poolName) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setMaximumPoolSize(config.databasePoolSize());
        hikari.setPoolName(poolName);
        hikari.setConnectionTimeout(5_000);
        // Fail at start-up with a clear message when Postgres is not there, rather than at the first request.
        hikari.setInitializationFailTimeout(10_000);
        return new HikariDataSource(hikari);
    }

    /** A pooled client for the URL's host, credentials, database and scheme, with 2 s connect and socket timeouts. */
    static RedisClient redis(GanakaConfig config) {
        URI uri = URI.create(config.redisUrl());
        DefaultJedisClientConfig client = DefaultJedisClientConfig.builder()
                .timeoutMillis(2_000)
                .user(JedisURIHelper.getUser(uri))
                .password(JedisURIHelper.getPassword(uri))
                .database(JedisURIHelper.getDBIndex(uri))
                .protocol(JedisURIHelper.getRedisProtocol(uri))
                .ssl(JedisURIHelper.isRedisSSLScheme(uri))
                .build();
        return RedisClient.builder().hostAndPort(JedisURIHelper.getHostAndPort(uri)).clientConfig(client).build();
    }

    /**
     * Connects to NATS and stays connected: after a loss the client reconnects forever, and in the meantime the API
     * answers 503 rather than buffering writes it has not had acknowledged.
     */
    static Connection nats(GanakaConfig config, String name) throws IOException, InterruptedException {
        Options options = new Options.Builder()
                .server(config.natsUrl())
                .connectionName(name)
                .connectionTimeout(Duration.ofSeconds(5))
                .maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(500))
                .connectionListener(logStatus())
                .build();
        return Nats.connect(options);
    }

    private static ConnectionListener logStatus() {
        return (connection, event) -> {
            switch (event) {
                case DISCONNECTED -> log.warn("NATS connection lost; reconnecting");
                case RECONNECTED -> log.info("NATS connection re-established");
                case CLOSED -> log.info("NATS connection closed");
                default -> log.debug("NATS connection event {}", event);
            }
        };
    }
}
