package io.ganaka.app;

import io.ganaka.sql.Migrator;
import io.ganaka.testkit.TestEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The whole system (every role, or a chosen few) started in-process against the shared test environment, under a name
 * space of its own: migrated, stream and topics provisioned, with an HTTP client for its API when it runs the API
 * role. Closing it stops the system and removes its state directory.
 */
record RunningSystem(GanakaConfig config, String kafkaBootstrapServers, Path stateDir, GanakaSystem system,
                     HttpJson http) implements AutoCloseable {

    /**
     * Starts the system with the prefix {@code env.prefix() + prefixSuffix}; a suffix of its own keeps two systems
     * from ever sharing a stream or group.
     */
    static RunningSystem start(TestEnvironment env, String prefixSuffix, String stateDirPrefix) throws Exception {
        return start(env, prefixSuffix, stateDirPrefix, Map.of());
    }

    /** {@link #start(TestEnvironment, String, String)} with more environment variables (e.g. the SMTP server). */
    static RunningSystem start(TestEnvironment env, String prefixSuffix, String stateDirPrefix,
                               Map<String, String> moreVars) throws Exception {
        return start(env, prefixSuffix, stateDirPrefix, EnumSet.allOf(Role.class), moreVars);
    }

    /**
     * Starts {@code roles} only, with {@code extraEnv} on top of the test environment's variables; two systems with
     * the same suffix share the stream, topics and groups, like two processes of one deployment.
     */
    @SuppressWarnings("try") // jnats' Connection.close() may throw InterruptedException, which is passed on
    static RunningSystem start(TestEnvironment env, String prefixSuffix, String stateDirPrefix, Set<Role> roles,
                               Map<String, String> extraEnv) throws Exception {
        Map<String, String> vars = new HashMap<>();
        vars.put("DATABASE_URL", env.jdbcUrl());
        vars.put("REDIS_URL", env.redisUrl());
        vars.put("NATS_URL", env.natsUrl());
        vars.put("KAFKA_BOOTSTRAP_SERVERS", env.kafkaBootstrapServers());
        vars.put("GANAKA_PREFIX", env.prefix() + prefixSuffix);
        vars.put("GANAKA_HTTP_PORT", "0");
        vars.put("GANAKA_KAFKA_PARTITIONS", "2");
        vars.put("JWT_SECRET", UUID.randomUUID() + "-" + UUID.randomUUID());
        vars.putAll(extraEnv);
        GanakaConfig config = GanakaConfig.load(vars, false);

        try (var db = Connections.postgres(config, "it-migrate")) {
            Migrator.migrate(db);
        }
        try (var nats = Connections.nats(config, "it-provisioning")) {
            Provisioning.ensureEventStream(nats, config.naming());
        }
        String bootstrap = config.kafkaBootstrapServers().orElseThrow();
        Provisioning.ensureTopics(bootstrap, config.naming(), config.kafkaPartitions(), config.kafkaReplicationFactor());
        Path stateDir = Files.createTempDirectory(stateDirPrefix);
        GanakaSystem system = GanakaSystem.start(config, roles, bootstrap, stateDir);
        return new RunningSystem(config, bootstrap, stateDir, system,
                roles.contains(Role.API) ? new HttpJson(system.apiPort()) : null);
    }

    int apiPort() {
        return system.apiPort();
    }

    @Override
    public void close() throws IOException {
        system.close();
        try (var paths = Files.walk(stateDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
