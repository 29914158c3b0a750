package io.ganaka.streams.alerts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What the alerts compare against: the high-value threshold of users who set none, the budget percentages (ascending)
 * and the unusual-spending test (history of at least {@code minimumHistory} adds, more than {@code deviations}
 * standard deviations and {@code ratio} times above the mean).
 */
public record AlertSettings(BigDecimal defaultHighValueThreshold, List<Integer> budgetPercents, int minimumHistory,
                            double deviations, double ratio) {

    public AlertSettings {
        Objects.requireNonNull(defaultHighValueThreshold, "defaultHighValueThreshold");
        if (defaultHighValueThreshold.signum() <= 0) {
            throw new IllegalArgumentException("defaultHighValueThreshold must be positive: " + defaultHighValueThreshold);
        }
        Objects.requireNonNull(budgetPercents, "budgetPercents");
        budgetPercents = budgetPercents.stream().sorted().distinct().toList();
        if (budgetPercents.isEmpty() || budgetPercents.get(0) <= 0) {
            throw new IllegalArgumentException("budgetPercents must be positive and not empty: " + budgetPercents);
        }
        if (minimumHistory < 1) {
            throw new IllegalArgumentException("minimumHistory must be at least 1: " + minimumHistory);
        }
        if (!Double.isFinite(deviations) || deviations < 0) {
            throw new IllegalArgumentException("deviations must be a finite number of at least 0: " + deviations);
        }
        if (!Double.isFinite(ratio) || ratio <= 0) {
            throw new IllegalArgumentException("ratio must be a finite positive number: " + ratio);
        }
    }

    /** 1000.00 for high value, budgets at 80 % and 100 %, unusual above mean + 3 sigma and 2 x mean after 5 adds. */
    public static AlertSettings defaults() {
        return new AlertSettings(new BigDecimal("1000.00"), List.of(80, 100), 5, 3.0, 2.0);
    }
}
