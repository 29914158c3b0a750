package io.ganaka.sinks;

import java.time.Duration;
import java.util.List;

/**
 * One polled batch a sink committed.
 *
 * @param sink         the sink's name
 * @param written      records written to the database
 * @param deadLettered records sent to the dead-letter topic instead (undecodable, or refused by the database)
 * @param skipped      records not meant for this sink (other event types, tombstones it ignores)
 * @param writeTime    how long the committed transaction took, dead letters included (not earlier failed attempts)
 * @param latencies    for each distinct event written whose id carries its creation time (a UUIDv7 made by the
 *                     API), the time from its creation to this commit
 */
public record SinkBatch(String sink, int written, int deadLettered, int skipped, Duration writeTime,
                        List<Duration> latencies) {

    public SinkBatch {
        latencies = List.copyOf(latencies);
    }

    public int size() {
        return written + deadLettered + skipped;
    }
}
