package io.ganaka.bench;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Prints one line every five seconds while a load runs: what was sent, accepted and pushed, and the errors. */
final class Progress {

    private static final int EVERY_SECONDS = 5;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-progress");
        t.setDaemon(true);
        return t;
    });
    private final long start = System.nanoTime();
    private long lastAccepted;

    private Progress() {}

    static Progress start(RunStats stats, Tracker tracker, AtomicInteger inFlight) {
        Progress progress = new Progress();
        progress.timer.scheduleAtFixedRate(() -> progress.print(stats, tracker, inFlight),
                EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
        return progress;
    }

    private void print(RunStats stats, Tracker tracker, AtomicInteger inFlight) {
        long accepted = tracker.accepted();
        System.out.printf("  %4ds  sent %,d  accepted %,d (%,d/s)  pushed %,d  in flight %,d  errors %,d  skipped %,d%n",
                (System.nanoTime() - start) / 1_000_000_000L, stats.sent().sum(), accepted,
                (accepted - lastAccepted) / EVERY_SECONDS, tracker.pushed(), inFlight.get(), stats.errorCount(),
                stats.skipped().sum());
        lastAccepted = accepted;
    }

    void stop() {
        timer.shutdownNow();
    }
}
