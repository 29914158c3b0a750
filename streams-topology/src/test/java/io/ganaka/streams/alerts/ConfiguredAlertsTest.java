package io.ganaka.streams.alerts;

import static io.ganaka.streams.alerts.AlertEvents.added;
import static io.ganaka.streams.alerts.AlertEvents.budget;
import static io.ganaka.streams.alerts.AlertEvents.item;
import static io.ganaka.streams.alerts.AlertEvents.newId;
import static io.ganaka.streams.alerts.AlertEvents.threshold;
import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.CategoryTotal;
import io.ganaka.schemas.EventPayload.AlertRaised;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alerts topology built from settings other than the defaults: the configured values are the ones used. */
class ConfiguredAlertsTest {

    private static final String FOOD = "01936b2e-8f3a-7c41-9a2b-00000000c001";

    @TempDir
    Path stateDir;

    private AlertsHarness topology;
    private final String user = newId();

    @AfterEach
    void stop() {
        topology.close();
    }

    private void start(AlertSettings settings) {
        topology = new AlertsHarness(stateDir, settings);
    }

    @Test
    void aConfiguredHighValueThresholdReplacesTheBuiltInDefault() {
        start(new AlertSettings(new BigDecimal("250.00"), List.of(80, 100), 5, 3.0, 2.0));

        topology.send(added(user, "249.99", FOOD));
        topology.send(added(user, "250.00", FOOD));

        assertThat(topology.readAlerts()).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo("high-value");
            assertThat(alert.threshold()).isEqualByComparingTo("250.00");
        });
    }

    @Test
    void aUsersOwnThresholdStillOverridesTheConfiguredDefault() {
        start(new AlertSettings(new BigDecimal("250.00"), List.of(80, 100), 5, 3.0, 2.0));
        topology.send(threshold(user, "500.00"));

        topology.send(added(user, "300.00", FOOD));
        topology.send(added(user, "500.00", FOOD));

        assertThat(topology.readAlerts()).extracting(AlertRaised::threshold)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("500.00"));
    }

    @Test
    void configuredBudgetPercentagesAreTheOnesThatFire() {
        start(new AlertSettings(new BigDecimal("1000.00"), List.of(90, 50), 5, 3.0, 2.0));
        topology.send(budget(user, 2026, 3, item(FOOD, "100.00")));

        topology.send(new CategoryTotal(user, 2026, 3, FOOD, "EUR", new BigDecimal("60.00"), 1));
        topology.send(new CategoryTotal(user, 2026, 3, FOOD, "EUR", new BigDecimal("85.00"), 2));
        topology.send(new CategoryTotal(user, 2026, 3, FOOD, "EUR", new BigDecimal("120.00"), 3));

        assertThat(topology.readAlerts()).extracting(AlertRaised::percent).containsExactly(50, 90);
    }

    @Test
    void configuredUnusualSpendingNeedsOnlyTheConfiguredHistoryDeviationsAndFactor() {
        start(new AlertSettings(new BigDecimal("1000.00"), List.of(80, 100), 2, 1.0, 1.5));
        topology.send(added(user, "10.00", FOOD));
        topology.send(added(user, "10.00", FOOD));

        topology.send(added(user, "14.00", FOOD));
        topology.send(added(user, "18.00", FOOD));

        // After 10, 10 (mean 10, no deviation) 14 is below 1.5 x 10; after 10, 10, 14 the bound is max(11.3 + 2.3, 1.5 x 11.3) = 17.
        assertThat(topology.readAlerts()).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo("unusual-spending");
            assertThat(alert.amount()).isEqualByComparingTo("18.00");
        });
    }
}
