package io.ganaka.app.reconcile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The state the accepted events leave one expense in, as the expense sink folds them: the highest version seen,
 * deleted once a delete newer than what was held arrived, and the data of the newest add or update
 * ({@code dataVersion}, 0 when only a delete was seen).
 *
 * @param zone the user's time zone (from the stream) when the version that gave the data was accepted; the month
 *     the reports count it in, as the aggregation topology joins the zone it knows at that point
 */
public record ExpectedExpense(
        UUID id,
        long version,
        boolean deleted,
        long dataVersion,
        BigDecimal amount,
        String currency,
        Instant occurredAt,
        String zone) {

    public boolean live() {
        return !deleted;
    }
}
