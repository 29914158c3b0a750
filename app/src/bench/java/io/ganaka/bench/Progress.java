package io.ganaka.bench;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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

    static Progress start(RunStats stats, Tracker tracker) {
        Progress progress = new Progress();
        progress.timer.scheduleAtFixedRate(() -> progress.print(stats, tracker),
                EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
        return progress;
    }

    private void print(RunStats stats, Tracker tracker) {
        long accepted = tracker.accepted();
        System.out.printf("  %4ds  sent %,d  accepted %,d (%,d/s)  pushed %,d  in flight %,d  errors %,d%n",
                (System.nanoTime() - start) / 1_000_000_000L, stats.sent().sum(), accepted,
                (accepted - lastAccepted) / EVERY_SECONDS, tracker.pushed(), stats.inFlight().get(), stats.errorCount());
        lastAccepted = accepted;
    }

    void stop() {
        timer.shutdownNow();
    }
}
