package io.ganaka.api.imports;

import java.time.Instant;

/**
 * An import as {@code GET /imports/{id}} returns it: its status ({@code queued}, {@code running}, {@code completed},
 * {@code failed} with {@code failureReason}), progress ({@code processedRows} of {@code totalRows}, null until the
 * file is counted) and the outcome counters; {@code warnings} counts imported rows with a warning.
 */
public record ImportView(String id, String status, String format, String fileName, Integer totalRows,
                         int processedRows, int imported, int duplicates, int rejected, int warnings,
                         String failureReason, Instant createdAt, Instant startedAt, Instant finishedAt) {}
