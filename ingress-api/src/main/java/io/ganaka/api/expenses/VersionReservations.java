package io.ganaka.api.expenses;

import java.util.UUID;

/**
 * Claims the next version of an expense for one change, so that two changes made against the same version cannot
 * both be accepted: the projection still shows the old version until the first change has gone through the pipeline.
 */
public interface VersionReservations {

    /** True when this caller now holds {@code version} of the expense; false when another change already holds it. */
    boolean reserve(UUID userId, UUID expenseId, long version);

    /** Gives a version back after its change could not be published, so that a retry can claim it again. */
    void release(UUID userId, UUID expenseId, long version);
}
