package io.ganaka.streams.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ganaka.schemas.EventPayload.ExpenseAdded;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnusualSpendingDetectorTest {

    private final UnusualSpendingDetector detector = new UnusualSpendingDetector(AlertSettings.defaults());

    private static ExpenseAdded add(String amount) {
        return new ExpenseAdded("e-1", 1, new BigDecimal(amount), "EUR", "x", null, Instant.EPOCH, "c", List.of(), null);
    }

    private static SpendingHistory history(double... amounts) {
        SpendingHistory history = SpendingHistory.EMPTY;
        for (double amount : amounts) {
            history = history.with(amount);
        }
        return history;
    }

    @Test
    void welfordKeepsTheMeanAndSampleStandardDeviation() {
        SpendingHistory history = history(2, 4, 4, 4, 5, 5, 7, 9);

        assertThat(history.count()).isEqualTo(8);
        assertThat(history.mean()).isCloseTo(5.0, within(1e-9));
        assertThat(history.standardDeviation()).isCloseTo(Math.sqrt(32.0 / 7), within(1e-9));
    }

    @Test
    void anAmountAboveThreeSigmaAndTwiceTheMeanIsUnusual() {
        // mean 10.4, stddev about 1.14: the bound is max(13.82, 20.80), in the amount's scale.
        assertThat(detector.detect(add("100.00"), "c", history(10, 12, 11, 9, 10))).hasValueSatisfying(alert -> {
            assertThat(alert.kind()).isEqualTo("unusual-spending");
            assertThat(alert.threshold()).isEqualByComparingTo("20.80");
        });
    }

    @Test
    void aShortHistoryIsNeverEnough() {
        assertThat(detector.detect(add("1000"), "c", history(10, 10, 10, 10))).isEmpty();
    }

    @Test
    void aSpreadOutHistoryToleratesItsOwnPeaks() {
        // mean 30, stddev about 37.5: 100 is above twice the mean but within three standard deviations.
        assertThat(detector.detect(add("100"), "c", history(1, 1, 1, 60, 90, 27))).isEmpty();
    }

    @Test
    void aRegularHistoryStillNeedsTwiceTheMean() {
        assertThat(detector.detect(add("19.99"), "c", history(10, 10, 10, 10, 10))).isEmpty();
        assertThat(detector.detect(add("20.01"), "c", history(10, 10, 10, 10, 10))).isPresent();
    }
}
