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
import redis.clients.jedis.ConnectionPoolConfig;
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
        // Short: a request waiting longer for a connection is answered 503 (the pool is the bound on Postgres work).
        hikari.setConnectionTimeout(config.limits().dbConnectionTimeout().toMillis());
        // Fail at start-up with a clear message when Postgres is not there, rather than at the first request.
        hikari.setInitializationFailTimeout(10_000);
        return new HikariDataSource(hikari);
    }

    /**
     * A pooled client for the URL's host, credentials, database and scheme. Connect, socket and pool-wait timeouts
     * are all {@code GANAKA_REDIS_TIMEOUT_MS}: the pool's default would wait for a free connection forever.
     */
    static RedisClient redis(GanakaConfig config) {
        URI uri = URI.create(config.redisUrl());
        int timeoutMillis = (int) config.limits().redisTimeout().toMillis();
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(config.limits().redisPoolSize());
        pool.setMaxIdle(config.limits().redisPoolSize());
        pool.setMaxWait(config.limits().redisTimeout());
        DefaultJedisClientConfig client = DefaultJedisClientConfig.builder()
                .timeoutMillis(timeoutMillis)
                .user(JedisURIHelper.getUser(uri))
                .password(JedisURIHelper.getPassword(uri))
                .database(JedisURIHelper.getDBIndex(uri))
                .protocol(JedisURIHelper.getRedisProtocol(uri))
                .ssl(JedisURIHelper.isRedisSSLScheme(uri))
                .build();
        return RedisClient.builder().hostAndPort(JedisURIHelper.getHostAndPort(uri)).clientConfig(client).poolConfig(pool)
                .build();
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
