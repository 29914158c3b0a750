package io.ganaka.api.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** The runner's bounds: imports per user, and workers plus queue per process. */
class ImportRunnerTest {

    private static final ImportSettings ONE_WORKER_ONE_QUEUED = new ImportSettings(1024, 10, 1, 1, 2, 10, 1, 1,
            Duration.ofSeconds(10), Duration.ofSeconds(60));

    @Test
    void aUserHasAtMostTheLimitOfUnfinishedImports() {
        try (ImportRunner runner = new ImportRunner(ONE_WORKER_ONE_QUEUED, null)) {
            UUID user = UUID.randomUUID();

            assertThat(runner.tryReserve(user)).isTrue();
            assertThat(runner.tryReserve(user)).isTrue();
            assertThat(runner.tryReserve(user)).isFalse();
            assertThat(runner.tryReserve(UUID.randomUUID())).as("another user").isTrue();
            runner.release(user);
            assertThat(runner.tryReserve(user)).isTrue();
        }
    }

    @Test
    void importsBeyondTheBusyWorkersAndTheFullQueueAreRefused() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        try (ImportRunner runner = new ImportRunner(ONE_WORKER_ONE_QUEUED, null)) {
            runner.execute(task(), () -> {
                started.countDown();
                awaitQuietly(release);
            });
            started.await();
            CountDownLatch queuedRan = new CountDownLatch(1);
            runner.execute(task(), queuedRan::countDown);

            assertThatThrownBy(() -> runner.execute(task(), () -> { }))
                    .isInstanceOf(RejectedExecutionException.class);
            release.countDown();
            // Both accepted imports run; none is left for close() to fail.
            assertThat(queuedRan.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
    }

    private static ImportTask task() {
        return new ImportTask(UUID.randomUUID(), UUID.randomUUID(), ImportFormat.CSV,
                Path.of(System.getProperty("java.io.tmpdir"), "ganaka-import-test-" + UUID.randomUUID()),
                ImportOptions.DEFAULTS, "test");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
