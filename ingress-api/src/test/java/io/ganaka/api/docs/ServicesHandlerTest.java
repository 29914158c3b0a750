package io.ganaka.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.api.docs.ServicesHandler.Service;
import io.ganaka.api.docs.ServicesHandler.ServiceList;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ServicesHandlerTest {

    private static final Instant STARTED = Instant.parse("2026-03-15T08:00:00Z");

    @Test
    void onlyTheApiHasDocsAndEveryRoleSharesTheMetricsOfTheApiPort() {
        ServiceList list = ServicesHandler.describe(
                new RunningServices(List.of("api", "bridge", "streams", "sinks"), STARTED, OptionalInt.empty()));

        assertThat(list.services()).containsExactly(
                new Service("api", "/docs", "/api-docs", "/metrics", "/health"),
                new Service("bridge", null, null, "/metrics", null),
                new Service("streams", null, null, "/metrics", null),
                new Service("sinks", null, null, "/metrics", null));
        assertThat(list.startedAt()).isEqualTo(STARTED);
        assertThat(list.version()).isEqualTo(ApiVersion.current());
        assertThat(list.metricsServerPort()).isNull();
    }

    @Test
    void namesTheStandAloneMetricsServerWhenThereIsOne() {
        ServiceList list = ServicesHandler.describe(
                new RunningServices(List.of("api"), STARTED, OptionalInt.of(9464)));

        assertThat(list.metricsServerPort()).isEqualTo(9464);
    }
}
