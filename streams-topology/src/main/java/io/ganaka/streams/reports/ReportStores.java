package io.ganaka.streams.reports;

/**
 * The stores of one kind of report: {@code totals} (bucket bytes -> {@link RunningTotal}), {@code amounts} (the
 * {@link AmountIndex}) and {@code unsent} (bucket bytes -> the latest report not emitted yet, with its time).
 */
record ReportStores(String totals, String amounts, String unsent) {

    static ReportStores named(String prefix) {
        return new ReportStores(prefix + "-totals", prefix + "-amounts", prefix + "-unsent");
    }
}
