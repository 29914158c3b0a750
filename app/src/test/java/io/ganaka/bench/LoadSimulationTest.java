package io.ganaka.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatling.core.controller.inject.open.ConstantRateOpenInjection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LoadSimulationTest {

    @Test
    void usersArriveAtTheRateForTheDurationWhateverTheAnswers() {
        BenchOptions options = BenchOptions.parse(List.of("--rate", "100", "--duration", "20"), Map.of());

        var step = LoadSimulation.injection(options).asScala();

        assertThat(step).isInstanceOf(ConstantRateOpenInjection.class);
        assertThat(((ConstantRateOpenInjection) step).rate()).isEqualTo(100.0);
        assertThat(step.duration().toSeconds()).isEqualTo(20);
        assertThat(step.users()).isEqualTo(2_000);
    }

    @Test
    void readsSplitEvenlyBetweenTheDashboardAndTheListAndTheRestAreWrites() {
        assertThat(RequestMix.of(0.2)).isEqualTo(new RequestMix(10, 10, 80));
        assertThat(RequestMix.of(0)).isEqualTo(new RequestMix(0, 0, 100));
        assertThat(RequestMix.of(1)).isEqualTo(new RequestMix(50, 50, 0));
        RequestMix odd = RequestMix.of(0.3333);
        assertThat(odd.dashboardPercent() + odd.listPercent() + odd.writePercent()).isEqualTo(100.0);
    }

    @Test
    void theFeederSignsEachRequestWithABenchUsersToken() {
        UUID id = UUID.randomUUID();

        assertThat(LoadSimulation.feederRecords(List.of(new BenchUsers.User(id, "b@bench.invalid", "t0k3n"))))
                .containsExactly(Map.of("userId", id.toString(), "token", "t0k3n"));
    }

    @Test
    void runsOnlyWhenTheBenchHasPreparedItsRun() {
        assertThatThrownBy(LoadSimulation::new).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("./ganaka bench");
    }
}
