package io.ganaka.streams.reports;

/** The aggregate of one {@link CategoryKey}: the exact sum in minor units and the number of live expenses. */
public record RunningTotal(long totalMinor, long count) {

    public static RunningTotal zero() {
        return new RunningTotal(0, 0);
    }

    public RunningTotal plus(long amountMinor) {
        return new RunningTotal(Math.addExact(totalMinor, amountMinor), count + 1);
    }

    public RunningTotal minus(long amountMinor) {
        return new RunningTotal(Math.subtractExact(totalMinor, amountMinor), count - 1);
    }
}
