package io.ganaka.streams.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.EventPayload.AlertRaised;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BudgetThresholdDetectorTest {

    private static final BigDecimal LIMIT = new BigDecimal("200.00");
    private final BudgetThresholdDetector detector = new BudgetThresholdDetector(AlertSettings.defaults());

    private static BudgetSpend spend(String total, long count) {
        return new BudgetSpend("u", 2026, 3, "c", false, "EUR", new BigDecimal(total), count);
    }

    @Test
    void reachingEightyPercentExactlyRaisesItsAlert() {
        BudgetThresholdDetector.Outcome outcome = detector.detect(spend("160.00", 2), LIMIT, 0);

        assertThat(outcome.level()).isEqualTo(1);
        assertThat(outcome.alerts()).extracting(AlertRaised::percent).containsExactly(80);
    }

    @Test
    void stayingAtTheSameLevelRaisesNothing() {
        assertThat(detector.detect(spend("170.00", 3), LIMIT, 1).alerts()).isEmpty();
    }

    @Test
    void fallingLowersTheLevelWithoutAlerts() {
        BudgetThresholdDetector.Outcome outcome = detector.detect(spend("100.00", 1), LIMIT, 2);

        assertThat(outcome.level()).isZero();
        assertThat(outcome.alerts()).isEmpty();
    }

    @Test
    void risingFromEightyPastHundredRaisesOnlyTheHundred() {
        assertThat(detector.detect(spend("250.00", 4), LIMIT, 1).alerts())
                .extracting(AlertRaised::percent).containsExactly(100);
    }

    @Test
    void aLaterCrossingAtAnotherTotalHasAnotherId() {
        String first = detector.detect(spend("160.00", 2), LIMIT, 0).alerts().get(0).alertId();

        assertThat(detector.detect(spend("160.00", 2), LIMIT, 0).alerts().get(0).alertId()).isEqualTo(first);
        assertThat(detector.detect(spend("165.00", 3), LIMIT, 0).alerts().get(0).alertId()).isNotEqualTo(first);
    }
}
