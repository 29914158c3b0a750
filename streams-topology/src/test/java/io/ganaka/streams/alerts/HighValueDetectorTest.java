package io.ganaka.streams.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.EventPayload.ExpenseAdded;
import io.ganaka.schemas.EventPayload.ExpenseChange;
import io.ganaka.schemas.EventPayload.ExpenseUpdated;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HighValueDetectorTest {

    private static final BigDecimal THRESHOLD = new BigDecimal("500");
    private final HighValueDetector detector = new HighValueDetector();

    private static ExpenseChange add(String amount) {
        return new ExpenseAdded("e-1", 1, new BigDecimal(amount), "JPY", "x", null, Instant.EPOCH, null, List.of(), null);
    }

    private static ExpenseChange update(long version, String amount) {
        return new ExpenseUpdated("e-1", version, new BigDecimal(amount), "EUR", "x", null, Instant.EPOCH, null,
                List.of(), null);
    }

    @Test
    void anAmountEqualToTheThresholdIsHighValueInAnyCurrency() {
        assertThat(detector.detect(add("500.00"), null, THRESHOLD)).hasValueSatisfying(alert -> {
            assertThat(alert.kind()).isEqualTo("high-value");
            assertThat(alert.currency()).isEqualTo("JPY");
        });
    }

    @Test
    void anAmountBelowTheThresholdIsNot() {
        assertThat(detector.detect(add("499.99"), null, THRESHOLD)).isEmpty();
    }

    @Test
    void anUpdateFromBelowToAboveIsHighValueButOneAlreadyAboveIsNot() {
        assertThat(detector.detect(update(2, "600"), new BigDecimal("100"), THRESHOLD)).isPresent();
        assertThat(detector.detect(update(3, "700"), new BigDecimal("600"), THRESHOLD)).isEmpty();
    }

    @Test
    void theAlertIdDependsOnlyOnTheExpenseVersion() {
        String first = detector.detect(update(2, "600"), null, THRESHOLD).orElseThrow().alertId();

        assertThat(detector.detect(update(2, "600"), null, THRESHOLD).orElseThrow().alertId()).isEqualTo(first);
        assertThat(detector.detect(update(3, "600"), null, THRESHOLD).orElseThrow().alertId()).isNotEqualTo(first);
    }
}
