package io.ganaka.bench;

/**
 * The share of each route among the load's requests, in percent as Gatling's {@code randomSwitch} takes them: the
 * reads split evenly between {@code GET /dashboard} and {@code GET /expenses}, the rest are new expenses. Computed in
 * hundredths of a percent so that the three always add up to exactly 100.
 */
record RequestMix(double dashboardPercent, double listPercent, double writePercent) {

    static RequestMix of(double readShare) {
        long reads = Math.round(readShare * 10_000);
        long dashboard = reads / 2;
        return new RequestMix(dashboard / 100.0, (reads - dashboard) / 100.0, (10_000 - reads) / 100.0);
    }
}
