package io.ganaka.api;

import io.ganaka.auth.AbuseLimits;
import java.time.Duration;
import java.util.List;

/**
 * How to build a {@link RunningApi}: on its own environment or on the JVM's shared one (with an optional naming
 * suffix, cleaned up on close), and with the pool size, hasher, publisher buffer, CORS origins and limits to use.
 */
record ApiOptions(boolean shared, String namingSuffix, int poolSize, int hasherSlots, Duration hasherMaxWait,
                   int publisherBuffer, List<String> corsOrigins, AbuseLimits limits) {

    /** A fresh environment of its own, with generous limits and no CORS origins. */
    static ApiOptions ownEnvironment() {
        return new ApiOptions(false, "", 4, 2, Duration.ofSeconds(10), 64, List.of(), TestLimits.GENEROUS);
    }

    /** The JVM's shared environment, which outlives this API. */
    static ApiOptions sharedEnvironment() {
        return new ApiOptions(true, "", 4, 2, Duration.ofSeconds(10), 64, List.of(), TestLimits.GENEROUS);
    }

    ApiOptions namingSuffix(String suffix) {
        return new ApiOptions(shared, suffix, poolSize, hasherSlots, hasherMaxWait, publisherBuffer,
                corsOrigins, limits);
    }

    ApiOptions poolSize(int size) {
        return new ApiOptions(shared, namingSuffix, size, hasherSlots, hasherMaxWait, publisherBuffer,
                corsOrigins, limits);
    }

    /** At most {@code slots} password hashes at once, each caller waiting up to {@code maxWait} for a slot. */
    ApiOptions hasher(int slots, Duration maxWait) {
        return new ApiOptions(shared, namingSuffix, poolSize, slots, maxWait, publisherBuffer,
                corsOrigins, limits);
    }

    ApiOptions publisherBuffer(int buffer) {
        return new ApiOptions(shared, namingSuffix, poolSize, hasherSlots, hasherMaxWait, buffer,
                corsOrigins, limits);
    }

    ApiOptions corsOrigins(List<String> origins) {
        return new ApiOptions(shared, namingSuffix, poolSize, hasherSlots, hasherMaxWait,
                publisherBuffer, origins, limits);
    }
}
