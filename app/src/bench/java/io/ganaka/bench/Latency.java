package io.ganaka.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** A latency histogram in microseconds that many threads record into at once, read as milliseconds. */
public final class Latency {

    /** Up to an hour, three significant digits: enough for any request the bench can wait for. */
    private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    private final Histogram histogram = new ConcurrentHistogram(1, HIGHEST_MICROS, 3);

    /** Records the time from {@code startNanos} until now. */
    public void recordSince(long startNanos) {
        recordNanos(System.nanoTime() - startNanos);
    }

    public void recordNanos(long nanos) {
        histogram.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, nanos / 1_000)));
    }

    public long count() {
        return histogram.getTotalCount();
    }

    public Percentiles percentiles() {
        if (histogram.getTotalCount() == 0) {
            return Percentiles.NONE;
        }
        return new Percentiles(histogram.getTotalCount(), ms(histogram.getValueAtPercentile(50)),
                ms(histogram.getValueAtPercentile(95)), ms(histogram.getValueAtPercentile(99)),
                ms(histogram.getMaxValue()));
    }

    private static double ms(long micros) {
        return micros / 1_000.0;
    }

    /** The figures of one histogram, in milliseconds. */
    public record Percentiles(long count, double p50, double p95, double p99, double max) {
        static final Percentiles NONE = new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
}
