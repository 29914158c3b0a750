package io.ganaka.schemas.dashboard;

import java.util.Map;

/**
 * What the cache stores per user: the {@link Dashboard} plus what merging needs and clients do not see. {@code known}
 * holds the newest version seen of expenses that are not on the list (deleted, or moved out of it), so that an older
 * version arriving later cannot bring them back; {@code offsets} the highest offset applied per source partition, so a
 * replayed record changes nothing. {@code moreExpenses}/{@code moreAlerts}: the user has more than the list shows.
 */
public record DashboardState(
        Dashboard dashboard,
        boolean moreExpenses,
        boolean moreAlerts,
        Map<String, Long> known,
        Map<String, Long> offsets) {

    public DashboardState {
        known = Map.copyOf(known);
        offsets = Map.copyOf(offsets);
    }

    /** The same state at another version. */
    public DashboardState withVersion(long version) {
        return new DashboardState(dashboard.withVersion(version), moreExpenses, moreAlerts, known, offsets);
    }
}
