package io.ganaka.app.reconcile;

import java.util.Objects;
import java.util.UUID;

/**
 * One thing the reconciler found out of step: its {@link Kind}, the user it concerns ({@code null} for the whole
 * system, e.g. a truncated stream) and a readable detail naming the expense, bucket or field.
 */
public record Difference(Kind kind, UUID userId, String detail) {

    /** What differs; the name says which side is checked against which. */
    public enum Kind {
        /** The stream starts after sequence 1 (retention or a purge): the expected state cannot be complete. */
        STREAM_INCOMPLETE,
        /** Events were accepted for a user who has no account and was never erased. */
        ACCOUNT_MISSING,
        /** The stream erased the user ({@code user.deleted}) but the account row is still there. */
        ACCOUNT_NOT_ERASED,
        /** Live in the stream's final state, but absent from {@code expenses} or stored as deleted. */
        MISSING_EXPENSE,
        /** Live in {@code expenses}, but deleted, erased or never accepted in the stream. */
        UNEXPECTED_EXPENSE,
        /** Live on both sides at different versions. */
        VERSION_MISMATCH,
        /** Same version on both sides, different amount, currency or date. */
        DATA_MISMATCH,
        /** A user's live expenses differ in count, sums per currency or digest of ids and versions. */
        EXPENSE_TOTALS,
        /** A {@code monthly_summaries} row differs from its recomputation from {@code expenses}. */
        MONTHLY_SUMMARY,
        /** A {@code category_summaries} row differs from its recomputation from {@code expenses}. */
        CATEGORY_SUMMARY,
        /** A {@code user_summaries} (all-time) row differs from its recomputation from {@code expenses}. */
        USER_SUMMARY,
        /** A cached Redis dashboard's totals differ from what Postgres holds for its month. */
        DASHBOARD
    }

    public Difference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return kind + " " + (userId == null ? "-" : userId) + " " + detail;
    }
}
