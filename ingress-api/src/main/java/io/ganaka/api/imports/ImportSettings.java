package io.ganaka.api.imports;

import java.time.Duration;

/**
 * Limits and pacing of bulk imports.
 *
 * @param maxUploadBytes largest accepted file (413 beyond); the rest of the API keeps its own, smaller body limit
 * @param maxRows        most data rows in one file; an import of a longer file fails before publishing anything
 * @param workers        imports processed at once by this process
 * @param queueCapacity  accepted imports that may wait for a worker; beyond that an upload is answered 503
 * @param perUserLimit   imports one user may have queued or running in this process at once (429 beyond)
 * @param batchSize      rows classified, published and recorded together
 * @param maxInFlight    asynchronous publishes of one import waiting for their JetStream ack at once
 * @param publishAttempts how often a batch is published before the import fails (retries are deduplicated by id)
 * @param heartbeat      how often a running import proves its process is alive
 * @param abandonedAfter how long without a heartbeat before an unfinished import counts as abandoned and fails
 */
public record ImportSettings(long maxUploadBytes, int maxRows, int workers, int queueCapacity, int perUserLimit,
                             int batchSize, int maxInFlight, int publishAttempts, Duration heartbeat,
                             Duration abandonedAfter) {

    public static final ImportSettings DEFAULTS = new ImportSettings(32L * 1024 * 1024, 100_000, 2, 8, 2, 1_000, 256,
            5, Duration.ofSeconds(10), Duration.ofSeconds(60));

    public ImportSettings {
        if (maxUploadBytes < 1 || maxRows < 1 || workers < 1 || queueCapacity < 0 || perUserLimit < 1
                || batchSize < 1 || maxInFlight < 1 || publishAttempts < 1) {
            throw new IllegalArgumentException("import limits must be positive");
        }
        if (heartbeat.isNegative() || heartbeat.isZero() || abandonedAfter.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("abandonedAfter must be at least two heartbeats: " + abandonedAfter);
        }
    }

    public ImportSettings withMaxUploadBytes(long bytes) {
        return new ImportSettings(bytes, maxRows, workers, queueCapacity, perUserLimit, batchSize, maxInFlight,
                publishAttempts, heartbeat, abandonedAfter);
    }

    public ImportSettings withMaxRows(int rows) {
        return new ImportSettings(maxUploadBytes, rows, workers, queueCapacity, perUserLimit, batchSize, maxInFlight,
                publishAttempts, heartbeat, abandonedAfter);
    }

    public ImportSettings withMaxInFlight(int inFlight) {
        return new ImportSettings(maxUploadBytes, maxRows, workers, queueCapacity, perUserLimit, batchSize, inFlight,
                publishAttempts, heartbeat, abandonedAfter);
    }

    public ImportSettings withBatchSize(int size) {
        return new ImportSettings(maxUploadBytes, maxRows, workers, queueCapacity, perUserLimit, size, maxInFlight,
                publishAttempts, heartbeat, abandonedAfter);
    }
}
