package io.ganaka.api.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs imports in the background of this process: a fixed pool of workers with a bounded queue, at most
 * {@code perUserLimit} unfinished imports per user, and a heartbeat that keeps this process's imports from being taken
 * for abandoned while failing those whose process died (also once at start-up).
 */
public final class ImportRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRunner.class);

    private final ImportSettings settings;
    private final ImportRepository imports;
    private final UUID workerId = UUID.randomUUID();
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService heartbeat;
    private final Map<UUID, Integer> perUser = new HashMap<>();
    private final Set<ImportTask> unfinished = ConcurrentHashMap.newKeySet();

    public ImportRunner(ImportSettings settings, ImportRepository imports) {
        this.settings = settings;
        this.imports = imports;
        AtomicInteger count = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(settings.workers(), settings.workers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, settings.queueCapacity())), runnable -> daemon(runnable,
                "ganaka-import-" + count.incrementAndGet()));
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable,
                "ganaka-import-heartbeat"));
    }

    /**
     * Fails imports abandoned by stopped processes, then keeps this process's imports alive. A database that is
     * down at start-up does not stop the API: the heartbeat sweeps again until it answers.
     */
    public void start() {
        try {
            int failed = imports.failAbandoned(settings.abandonedAfter());
            if (failed > 0) {
                LOG.warn("event=import.abandoned count={} reason=\"their server stopped\"", failed);
            }
        } catch (SQLException e) {
            LOG.warn("could not fail abandoned imports at start-up, the heartbeat will retry: {}", e.toString());
        }
        long every = settings.heartbeat().toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    /** This process's id in {@code imports.worker_id}. */
    public UUID workerId() {
        return workerId;
    }

    /** Takes one of the user's import slots; false when the user has {@code perUserLimit} unfinished imports. */
    public synchronized boolean tryReserve(UUID userId) {
        int taken = perUser.getOrDefault(userId, 0);
        if (taken >= settings.perUserLimit()) {
            return false;
        }
        perUser.put(userId, taken + 1);
        return true;
    }

    public synchronized void release(UUID userId) {
        perUser.computeIfPresent(userId, (user, taken) -> taken <= 1 ? null : taken - 1);
    }

    /**
     * Queues a reserved task's job; when it ends the user's slot is released and the spooled file deleted.
     *
     * @throws RejectedExecutionException when every worker is busy and the queue is full (nothing is released)
     */
    public void execute(ImportTask task, Runnable job) {
        unfinished.add(task);
        try {
            workers.execute(() -> {
                try {
                    job.run();
                } finally {
                    unfinished.remove(task);
                    release(task.userId());
                    deleteQuietly(task);
                }
            });
        } catch (RejectedExecutionException e) {
            unfinished.remove(task);
            throw e;
        }
    }

    private void beat() {
        try {
            for (ImportTask task : unfinished) {
                imports.heartbeat(task.userId(), task.importId());
            }
            imports.failAbandoned(settings.abandonedAfter());
        } catch (SQLException | RuntimeException e) {
            // The next beat tries again; imports only count as abandoned after several missed beats.
            LOG.warn("import heartbeat failed: {}", e.toString());
        }
    }

    static void deleteQuietly(ImportTask task) {
        try {
            Files.deleteIfExists(task.file());
        } catch (IOException e) {
            LOG.warn("could not delete the spooled upload {}: {}", task.file(), e.toString());
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("imports still running at shutdown; the sweep will mark them failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ImportTask queued : unfinished) {
            try {
                imports.fail(queued.userId(), queued.importId(), "the server stopped before the import could run;"
                        + " upload the file again");
            } catch (SQLException e) {
                // The sweep for abandoned imports fails it once its heartbeat is old enough.
                LOG.warn("could not mark import {} failed at shutdown: {}", queued.importId(), e.toString());
            }
            deleteQuietly(queued);
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
