package io.ganaka.testkit;

import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Decides where each backing service of a test run comes from, in the order the project requires: an
 * environment variable when it is set, else a Testcontainers container when a Docker engine answers, else
 * the local service on 127.0.0.1 (for Kafka: the embedded broker).
 */
record ServiceSources(Source postgres, Source redis, Source nats, Source kafka) {

    static final String DATABASE_URL = "DATABASE_URL";
    static final String REDIS_URL = "REDIS_URL";
    static final String NATS_URL = "NATS_URL";
    static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";

    static final String LOCAL_POSTGRES = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    static final String LOCAL_REDIS = "redis://127.0.0.1:6379";
    static final String LOCAL_NATS = "nats://127.0.0.1:4222";

    /** Where one service comes from. */
    enum Origin { ENVIRONMENT, CONTAINER, LOCAL }

    /**
     * One service's origin and, for ENVIRONMENT and LOCAL, its address; a container's address is known only once
     * it runs, and the embedded broker's once it started, so theirs is null.
     */
    record Source(Origin origin, String url) {
    }

    /** Resolves each service; {@code dockerAvailable} is asked at most once, and only if some variable is unset. */
    static ServiceSources resolve(Map<String, String> env, BooleanSupplier dockerAvailable) {
        BooleanSupplier docker = new OnceBooleanSupplier(dockerAvailable);
        return new ServiceSources(
                pick(env, DATABASE_URL, docker, LOCAL_POSTGRES),
                pick(env, REDIS_URL, docker, LOCAL_REDIS),
                pick(env, NATS_URL, docker, LOCAL_NATS),
                pick(env, KAFKA_BOOTSTRAP_SERVERS, docker, null));
    }

    /** Resolves against this process's environment and a real Docker probe. */
    static ServiceSources fromSystem() {
        Map<String, String> env = System.getenv();
        return resolve(env, () -> DockerProbe.engineAnswers(env));
    }

    boolean anyContainer() {
        return postgres.origin() == Origin.CONTAINER || redis.origin() == Origin.CONTAINER
                || nats.origin() == Origin.CONTAINER || kafka.origin() == Origin.CONTAINER;
    }

    private static Source pick(Map<String, String> env, String variable, BooleanSupplier docker, String local) {
        String value = env.get(variable);
        if (value != null && !value.isBlank()) {
            return new Source(Origin.ENVIRONMENT, value.trim());
        }
        return docker.getAsBoolean() ? new Source(Origin.CONTAINER, null) : new Source(Origin.LOCAL, local);
    }

    /** Asks the Docker probe only once: the probe can take a moment and its answer does not change within a run. */
    private static final class OnceBooleanSupplier implements BooleanSupplier {
        private final BooleanSupplier delegate;
        private Boolean answer;

        OnceBooleanSupplier(BooleanSupplier delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean getAsBoolean() {
            if (answer == null) {
                answer = delegate.getAsBoolean();
            }
            return answer;
        }
    }
}
