package io.ganaka.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ganaka.streams.TopologySettings;
import io.ganaka.streams.alerts.AlertSettings;
import io.ganaka.streams.reportupdates.MonthCloseSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologyConfigTest {

    @Test
    void withoutTheVariablesTheTopologiesUseTheirDefaults() {
        assertThat(GanakaConfig.load(Map.of(), true).topologies()).isEqualTo(TopologySettings.defaults());
    }

    @Test
    void readsEveryAlertDefaultAndTheMonthCloseTiming() {
        TopologySettings settings = GanakaConfig.load(Map.of(
                "GANAKA_ALERT_HIGH_VALUE", "250.50",
                "GANAKA_ALERT_BUDGET_PERCENTS", "50, 90,150",
                "GANAKA_ALERT_UNUSUAL_MIN_HISTORY", "10",
                "GANAKA_ALERT_UNUSUAL_SIGMAS", "2.5",
                "GANAKA_ALERT_UNUSUAL_MEAN_FACTOR", "1.5",
                "GANAKA_MONTH_CLOSE_INTERVAL", "30s",
                "GANAKA_MONTH_CLOSE_GRACE", "PT10M"), true).topologies();

        assertThat(settings.alerts()).isEqualTo(new AlertSettings(new BigDecimal("250.50"), List.of(50, 90, 150), 10, 2.5, 1.5));
        assertThat(settings.monthClose()).isEqualTo(new MonthCloseSettings(Duration.ofSeconds(30), Duration.ofMinutes(10),
                MonthCloseSettings.DEFAULT_RETENTION));
    }

    @Test
    void budgetPercentagesAreSortedWithoutRepeats() {
        assertThat(GanakaConfig.load(Map.of("GANAKA_ALERT_BUDGET_PERCENTS", "100,80,100,,80"), true)
                .topologies().alerts().budgetPercents()).containsExactly(80, 100);
    }

    @Test
    void durationsTakeAUnitOrIsoForm() {
        assertThat(TopologyConfig.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(TopologyConfig.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(TopologyConfig.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(TopologyConfig.parseDuration("0s")).isEqualTo(Duration.ZERO);
        assertThat(TopologyConfig.parseDuration("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
        assertThat(TopologyConfig.parseDuration("five minutes")).isNull();
        assertThat(TopologyConfig.parseDuration("5 m")).isNull();
    }

    @Test
    void everyBadValueIsReportedOnALineOfItsOwnNamingItsVariable() {
        Map<String, String> env = Map.of(
                "GANAKA_ALERT_HIGH_VALUE", "lots",
                "GANAKA_ALERT_BUDGET_PERCENTS", "80,0,x",
                "GANAKA_ALERT_UNUSUAL_MIN_HISTORY", "0",
                "GANAKA_ALERT_UNUSUAL_SIGMAS", "-1",
                "GANAKA_ALERT_UNUSUAL_MEAN_FACTOR", "0.5",
                "GANAKA_MONTH_CLOSE_INTERVAL", "2h",
                "GANAKA_MONTH_CLOSE_GRACE", "soon");

        assertThatThrownBy(() -> GanakaConfig.load(env, true))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "GANAKA_ALERT_HIGH_VALUE must be a decimal number such as 12.50, got 'lots'",
                        "GANAKA_ALERT_BUDGET_PERCENTS must be a comma-separated list of whole percentages from 1 to 1000"
                                + " such as 80,100, got '80,0,x'",
                        "GANAKA_ALERT_UNUSUAL_MIN_HISTORY must be between 1 and 100000, got 0",
                        "GANAKA_ALERT_UNUSUAL_SIGMAS must be a decimal number such as 12.50, got '-1'",
                        "GANAKA_ALERT_UNUSUAL_MEAN_FACTOR must be between 1 and 100, got 0.5",
                        "GANAKA_MONTH_CLOSE_INTERVAL must be between 100ms and 1h, got 2h",
                        "GANAKA_MONTH_CLOSE_GRACE must be a duration such as 30s, 5m or PT5M, got 'soon'"));
    }

    @Test
    void aThresholdOfZeroAndAnEmptyPercentListAreRefused() {
        assertThatThrownBy(() -> GanakaConfig.load(Map.of("GANAKA_ALERT_HIGH_VALUE", "0.00",
                "GANAKA_ALERT_BUDGET_PERCENTS", " , "), true))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(2)
                        .anySatisfy(p -> assertThat(p).startsWith("GANAKA_ALERT_HIGH_VALUE must be between 0.01 and"))
                        .anySatisfy(p -> assertThat(p).startsWith("GANAKA_ALERT_BUDGET_PERCENTS must be")));
    }
}
