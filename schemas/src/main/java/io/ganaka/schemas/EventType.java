package io.ganaka.schemas;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type, its wire name and the record its {@code data} decodes to. */
public enum EventType {
    USER_REGISTERED("user.registered", EventPayload.UserRegistered.class),
    USER_UPDATED("user.updated", EventPayload.UserUpdated.class),
    USER_DELETED("user.deleted", EventPayload.UserDeleted.class),
    USER_LOGGED_IN("user.logged_in", EventPayload.UserLoggedIn.class),
    USER_LOGGED_OUT("user.logged_out", EventPayload.UserLoggedOut.class),
    EXPENSE_ADDED("expense.added", EventPayload.ExpenseAdded.class),
    EXPENSE_UPDATED("expense.updated", EventPayload.ExpenseUpdated.class),
    EXPENSE_DELETED("expense.deleted", EventPayload.ExpenseDeleted.class),
    EXPENSE_CATEGORIZED("expense.categorized", EventPayload.ExpenseCategorized.class),
    CATEGORY_CREATED("category.created", EventPayload.CategoryCreated.class),
    CATEGORY_UPDATED("category.updated", EventPayload.CategoryUpdated.class),
    CATEGORY_DELETED("category.deleted", EventPayload.CategoryDeleted.class),
    RULE_CHANGED("rule.changed", EventPayload.RuleChanged.class),
    BUDGET_CHANGED("budget.changed", EventPayload.BudgetChanged.class),
    /** Raised by the streams role onto {@code ganaka.alerts}; it has no input topic, so the bridge dead-letters it. */
    ALERT_RAISED("alert.raised", EventPayload.AlertRaised.class),
    /** Raised by the streams role onto {@code ganaka.reports.updates}: a report changed, or a month closed. */
    REPORT_UPDATED("report.updated", EventPayload.ReportUpdated.class),
    /** Raised by the notifications sink onto {@code ganaka.notifications} after each delivery attempt ends. */
    NOTIFICATION_SENT("notification.sent", EventPayload.NotificationSent.class);

    private static final Map<String, EventType> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));

    private final String wireName;
    private final Class<? extends EventPayload> payloadType;

    EventType(String wireName, Class<? extends EventPayload> payloadType) {
        this.wireName = wireName;
        this.payloadType = payloadType;
    }

    public String wireName() {
        return wireName;
    }

    public Class<? extends EventPayload> payloadType() {
        return payloadType;
    }

    /** The part before the first dot: {@code user}, {@code expense}, ... */
    public String domain() {
        return wireName.substring(0, wireName.indexOf('.'));
    }

    public static Optional<EventType> fromWireName(String name) {
        return Optional.ofNullable(BY_WIRE_NAME.get(name));
    }

    public static EventType of(EventPayload payload) {
        for (EventType type : values()) {
            if (type.payloadType.isInstance(payload)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unregistered payload " + payload.getClass().getName());
    }
}
