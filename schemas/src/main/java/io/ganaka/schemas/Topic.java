package io.ganaka.schemas;

/** The Kafka topics, each named once. Every record is keyed by user id. */
public enum Topic {
    USERS("ganaka.users"),
    EXPENSES("ganaka.expenses"),
    /** Categories, rules and budgets ride together so that one user's definitions stay in order. */
    CATEGORIES("ganaka.categories"),
    /**
     * The expense events after dedupe and categorization: every event of {@code ganaka.expenses} once, in order, with
     * the categorization topology's {@code expense.categorized} right after the add or update it categorizes. What
     * the expense sink and the aggregates read.
     */
    EXPENSES_CATEGORIZED("ganaka.expenses.categorized"),
    REPORTS_MONTHLY("ganaka.reports.monthly"),
    REPORTS_CATEGORIES("ganaka.reports.categories"),
    /** Running all-time totals per user and currency. */
    REPORTS_SUMMARY("ganaka.reports.summary"),
    /** {@code report.updated} events: a change of any report, and each user's summary when a month closes. */
    REPORTS_UPDATES("ganaka.reports.updates"),
    ALERTS("ganaka.alerts"),
    NOTIFICATIONS("ganaka.notifications"),
    DLQ("ganaka.dlq");

    private final String baseName;

    Topic(String baseName) {
        this.baseName = baseName;
    }

    public String baseName() {
        return baseName;
    }

    /** The input topic an event of this type is forwarded to by the bridge. */
    public static Topic inputFor(EventType type) {
        return switch (type.domain()) {
            case "user" -> USERS;
            case "expense" -> EXPENSES;
            case "category", "rule", "budget" -> CATEGORIES;
            default -> throw new IllegalArgumentException("no input topic for event type " + type.wireName());
        };
    }
}
