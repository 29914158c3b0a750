package io.ganaka.streams.alerts;

/**
 * A running count, mean and sum of squared deviations ({@code m2}) of amounts, updated with Welford's method so it
 * stays numerically stable without keeping the amounts. Doubles are fine here: it only decides what is unusual.
 */
record SpendingHistory(long count, double mean, double m2) {

    static final SpendingHistory EMPTY = new SpendingHistory(0, 0, 0);

    SpendingHistory with(double amount) {
        long n = count + 1;
        double delta = amount - mean;
        double newMean = mean + delta / n;
        return new SpendingHistory(n, newMean, m2 + delta * (amount - newMean));
    }

    /** The sample standard deviation; 0 below two amounts. */
    double standardDeviation() {
        return count < 2 ? 0 : Math.sqrt(m2 / (count - 1));
    }
}
