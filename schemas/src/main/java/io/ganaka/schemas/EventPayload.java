package io.ganaka.schemas;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The {@code data} of an event. Amounts are decimal strings on the wire; {@code expenseVersion} is 1 on add and
 * grows by one with every change, so consumers apply a change only when it is newer than what they hold.
 */
public sealed interface EventPayload {

    record UserRegistered(String email, String displayName, String timezone) implements EventPayload {}

    /**
     * The profile after a change: display name, time zone, and the validated preferences document (default currency,
     * alert threshold, budgets, notification channels, quiet hours) as the API stores it.
     */
    record UserUpdated(String displayName, String timezone, JsonNode preferences) implements EventPayload {}

    /** The account is gone; every consumer erases what it holds of this user. {@code initiatedBy}: self or admin. */
    record UserDeleted(String initiatedBy) implements EventPayload {}

    record UserLoggedIn(String method) implements EventPayload {}

    /** Sessions ended. {@code scope}: session, all, password-change, token-reuse or account-deleted. */
    record UserLoggedOut(String scope) implements EventPayload {}

    /** The fields a client gives for an expense; shared by add and update. */
    sealed interface ExpenseChange extends EventPayload {
        String expenseId();

        long expenseVersion();

        BigDecimal amount();

        String currency();

        String description();

        String merchant();

        Instant occurredAt();

        String categoryId();

        List<String> tags();

        String notes();
    }

    record ExpenseAdded(
            String expenseId,
            long expenseVersion,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
            String currency,
            String description,
            String merchant,
            Instant occurredAt,
            String categoryId,
            List<String> tags,
            String notes)
            implements ExpenseChange {
        public ExpenseAdded {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    record ExpenseUpdated(
            String expenseId,
            long expenseVersion,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
            String currency,
            String description,
            String merchant,
            Instant occurredAt,
            String categoryId,
            List<String> tags,
            String notes)
            implements ExpenseChange {
        public ExpenseUpdated {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    record ExpenseDeleted(String expenseId, long expenseVersion) implements EventPayload {}
}
