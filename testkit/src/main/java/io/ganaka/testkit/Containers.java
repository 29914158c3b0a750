package io.ganaka.testkit;

import java.util.ArrayList;
import java.util.List;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The Testcontainers path of a {@link TestEnvironment}: each service's container is started on first use and all
 * are stopped on {@link #close()}. Only loaded when {@link DockerProbe} found Testcontainers and a Docker engine.
 */
final class Containers implements AutoCloseable {

    private static final String POSTGRES_IMAGE = "postgres:16-alpine";
    private static final String REDIS_IMAGE = "redis:7-alpine";
    private static final String NATS_IMAGE = "nats:2.10-alpine";
    private static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    private static final int REDIS_PORT = 6379;
    private static final int NATS_PORT = 4222;

    private final List<GenericContainer<?>> started = new ArrayList<>();
    private String postgresServerUrl;
    private String redisUrl;
    private String natsUrl;
    private String kafkaBootstrapServers;

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    /** A JDBC URL of the container's maintenance database, with its credentials. */
    synchronized String postgresServerUrl() {
        if (postgresServerUrl == null) {
            PostgreSQLContainer postgres = start(new PostgreSQLContainer(DockerImageName.parse(POSTGRES_IMAGE)));
            postgresServerUrl = "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/"
                    + postgres.getDatabaseName() + "?user=" + postgres.getUsername() + "&password=" + postgres.getPassword();
        }
        return postgresServerUrl;
    }

    synchronized String redisUrl() {
        if (redisUrl == null) {
            GenericContainer<?> redis = start(new GenericContainer<>(DockerImageName.parse(REDIS_IMAGE))
                    .withExposedPorts(REDIS_PORT));
            redisUrl = "redis://" + redis.getHost() + ":" + redis.getMappedPort(REDIS_PORT);
        }
        return redisUrl;
    }

    synchronized String natsUrl() {
        if (natsUrl == null) {
            GenericContainer<?> nats = start(new GenericContainer<>(DockerImageName.parse(NATS_IMAGE))
                    .withCommand("-js")
                    .withExposedPorts(NATS_PORT)
                    .waitingFor(Wait.forLogMessage(".*Server is ready.*", 1)));
            natsUrl = "nats://" + nats.getHost() + ":" + nats.getMappedPort(NATS_PORT);
        }
        return natsUrl;
    }

    synchronized String kafkaBootstrapServers() {
        if (kafkaBootstrapServers == null) {
            KafkaContainer kafka = start(new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE)));
            kafkaBootstrapServers = kafka.getBootstrapServers();
        }
        return kafkaBootstrapServers;
    }

    /** Stops every container this instance started, newest first. */
    @Override
    public synchronized void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).stop();
        }
        started.clear();
    }

    private <C extends GenericContainer<?>> C start(C container) {
        container.start();
        started.add(container);
        return container;
    }
}
