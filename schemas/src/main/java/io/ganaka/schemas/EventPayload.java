package io.ganaka.schemas;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.schemas.rules.RuleDefinition;
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

    /**
     * The category (and tags) derived for one version of an expense, without changing that version: set by a rule, by
     * learning, or cleared ({@code categoryId} null, {@code categorizedBy} none) because its category was deleted.
     * Consumers apply it only while the expense is still at {@code expenseVersion}, so a later edit by the user wins.
     *
     * @param tags   the expense's whole tag set after the change
     * @param ruleId the rule that matched, or null
     * @param reason why: rule, rules-applied, learned or category-deleted
     */
    record ExpenseCategorized(
            String expenseId,
            long expenseVersion,
            String categoryId,
            String categorizedBy,
            List<String> tags,
            String ruleId,
            String reason)
            implements EventPayload {
        public ExpenseCategorized {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    record CategoryCreated(String categoryId, String name, String description, String color) implements EventPayload {}

    record CategoryUpdated(String categoryId, String name, String description, String color) implements EventPayload {}

    /** The category is gone; its expenses were moved to Uncategorized by {@code expense.categorized} events first. */
    record CategoryDeleted(String categoryId) implements EventPayload {}

    /** A rule was created, updated or deleted ({@code change}); {@code rule} is null on delete. */
    record RuleChanged(String ruleId, String change, RuleDefinition rule) implements EventPayload {}

    /**
     * The budgets of one month, or the recurring monthly default when {@code year} and {@code month} are null; the
     * items replace the previous ones of that period.
     */
    record BudgetChanged(Integer year, Integer month, List<BudgetItem> items) implements EventPayload {
        public BudgetChanged {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** At most {@code amount} a month in {@code currency}, for one category or (categoryId null) for all spending. */
    record BudgetItem(String categoryId, String currency, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount) {}

    /**
     * A notification-worthy finding of the streams role (never published by the API). {@code alertId} is derived from
     * the cause, so a replay raises the same id. {@code kind}: high-value (amount, threshold), budget-threshold (amount
     * = the month's total, threshold = the budget's limit, percent = the threshold crossed, year/month) or
     * unusual-spending (amount, threshold = mean + 3 standard deviations of the history); {@code categoryId} null is
     * Uncategorized, or for a budget all spending.
     */
    record AlertRaised(
            String alertId,
            String kind,
            String expenseId,
            Long expenseVersion,
            String categoryId,
            String currency,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal threshold,
            Integer percent,
            Integer year,
            Integer month,
            String message)
            implements EventPayload {}

    /**
     * A report changed, or a month closed. {@code kind}: {@code monthly}, {@code category}, {@code summary} (all-time,
     * without year and month) or {@code month-closed} (the month's final summary in the user's {@code timezone}, with
     * every currency in {@code totals} and every category in {@code categories}).
     */
    record ReportUpdated(
            String kind,
            Integer year,
            Integer month,
            String timezone,
            List<ReportLine> totals,
            List<ReportLine> categories)
            implements EventPayload {

        public ReportUpdated {
            totals = totals == null ? List.of() : List.copyOf(totals);
            categories = categories == null ? List.of() : List.copyOf(categories);
        }
    }

    /** One total of a report: per currency, and per category when {@code categoryId} is set (null: uncategorized). */
    record ReportLine(
            String categoryId,
            String currency,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total,
            long count,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal min,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal max) {}

    /**
     * One notification reached the end of its delivery: {@code status} {@code sent}, {@code failed} (after the last
     * retry) or {@code skipped} (preferences or quiet hours). {@code sourceEventId} is the event that caused it.
     */
    record NotificationSent(
            String notificationId,
            String kind,
            String channel,
            String status,
            String sourceEventId,
            int attempts,
            String error)
            implements EventPayload {}
}
