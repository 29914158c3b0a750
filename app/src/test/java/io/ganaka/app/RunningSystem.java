package io.ganaka.app;

import io.ganaka.sql.Migrator;
import io.ganaka.testkit.TestEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The whole system (every role) started in-process against the shared test environment, under a name space of its
 * own: migrated, stream and topics provisioned, with an HTTP client for its API. Closing it stops the system and
 * removes its state directory.
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
        Map<String, String> vars = new HashMap<>(moreVars);
        vars.put("DATABASE_URL", env.jdbcUrl());
        vars.put("REDIS_URL", env.redisUrl());
        vars.put("NATS_URL", env.natsUrl());
        vars.put("KAFKA_BOOTSTRAP_SERVERS", env.kafkaBootstrapServers());
        vars.put("GANAKA_PREFIX", env.prefix() + prefixSuffix);
        vars.put("GANAKA_HTTP_PORT", "0");
        vars.put("GANAKA_KAFKA_PARTITIONS", "2");
        vars.put("JWT_SECRET", UUID.randomUUID() + "-" + UUID.randomUUID());
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
        GanakaSystem system = GanakaSystem.start(config, EnumSet.allOf(Role.class), bootstrap, stateDir);
        return new RunningSystem(config, bootstrap, stateDir, system, new HttpJson(system.apiPort()));
    }

    int apiPort() {
        return system.apiPort();
    }

    @Override
    public void close() throws Exception {
        system.close();
        try (var paths = Files.walk(stateDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
