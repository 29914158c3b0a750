package io.ganaka.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.testkit.ServiceSources.Origin;
import io.ganaka.testkit.ServiceSources.Source;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ServiceSourcesTest {

    private static final Map<String, String> ALL_SET = Map.of(
            "DATABASE_URL", "jdbc:postgresql://db.example:5433/app?user=ci",
            "REDIS_URL", "redis://cache.example:6380",
            "NATS_URL", "nats://bus.example:4223",
            "KAFKA_BOOTSTRAP_SERVERS", "kafka.example:9092");

    @Test
    void environmentVariablesWinOverDockerAndLocalServices() {
        ServiceSources sources = ServiceSources.resolve(ALL_SET, () -> true);

        assertThat(sources.postgres()).isEqualTo(new Source(Origin.ENVIRONMENT, "jdbc:postgresql://db.example:5433/app?user=ci"));
        assertThat(sources.redis()).isEqualTo(new Source(Origin.ENVIRONMENT, "redis://cache.example:6380"));
        assertThat(sources.nats()).isEqualTo(new Source(Origin.ENVIRONMENT, "nats://bus.example:4223"));
        assertThat(sources.kafka()).isEqualTo(new Source(Origin.ENVIRONMENT, "kafka.example:9092"));
    }

    @Test
    void dockerIsNotProbedWhenEveryVariableIsSet() {
        AtomicInteger probes = new AtomicInteger();

        ServiceSources.resolve(ALL_SET, () -> probes.incrementAndGet() > 0);

        assertThat(probes).hasValue(0);
    }

    @Test
    void unsetServicesComeFromContainersWhenDockerAnswers() {
        ServiceSources sources = ServiceSources.resolve(Map.of("REDIS_URL", "redis://cache.example:6380"), () -> true);

        assertThat(sources.redis().origin()).isEqualTo(Origin.ENVIRONMENT);
        assertThat(sources.postgres()).isEqualTo(new Source(Origin.CONTAINER, null));
        assertThat(sources.nats()).isEqualTo(new Source(Origin.CONTAINER, null));
        assertThat(sources.kafka()).isEqualTo(new Source(Origin.CONTAINER, null));
        assertThat(sources.anyContainer()).isTrue();
    }

    @Test
    void withoutVariablesOrDockerEverythingIsLocalAndKafkaIsEmbedded() {
        ServiceSources sources = ServiceSources.resolve(Map.of(), () -> false);

        assertThat(sources.postgres()).isEqualTo(new Source(Origin.LOCAL, "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"));
        assertThat(sources.redis()).isEqualTo(new Source(Origin.LOCAL, "redis://127.0.0.1:6379"));
        assertThat(sources.nats()).isEqualTo(new Source(Origin.LOCAL, "nats://127.0.0.1:4222"));
        assertThat(sources.kafka()).isEqualTo(new Source(Origin.LOCAL, null));
        assertThat(sources.anyContainer()).isFalse();
    }

    @Test
    void blankVariablesCountAsUnset() {
        ServiceSources sources = ServiceSources.resolve(Map.of("NATS_URL", "  ", "KAFKA_BOOTSTRAP_SERVERS", ""), () -> false);

        assertThat(sources.nats()).isEqualTo(new Source(Origin.LOCAL, "nats://127.0.0.1:4222"));
        assertThat(sources.kafka().origin()).isEqualTo(Origin.LOCAL);
    }

    @Test
    void dockerIsProbedAtMostOnceWhateverIsUnset() {
        AtomicInteger probes = new AtomicInteger();

        ServiceSources.resolve(Map.of(), () -> probes.incrementAndGet() < 0);

        assertThat(probes).hasValue(1);
    }
}
