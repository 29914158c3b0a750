package io.ganaka.api.users;

import java.util.List;

/**
 * A user's preferences as stored (JSONB) and returned, with defaults filled in: no default currency or alert
 * threshold, no budgets, e-mail and in-app notifications on, SMS off, no quiet hours.
 *
 * @param highValueThreshold a decimal string; expenses above it raise a high-value alert
 */
public record Preferences(String defaultCurrency, String highValueThreshold, List<MonthlyBudget> monthlyBudgets,
                          Notifications notifications, QuietHours quietHours) {

    public static final Preferences DEFAULTS = new Preferences(null, null, List.of(), Notifications.DEFAULTS, null);

    public Preferences {
        monthlyBudgets = monthlyBudgets == null ? List.of() : List.copyOf(monthlyBudgets);
        notifications = notifications == null ? Notifications.DEFAULTS : notifications;
    }

    /** The most a user may budget per month for one category in one currency; {@code amount} a decimal string. */
    public record MonthlyBudget(String categoryId, String currency, String amount) {}

    /** Where notifications go. */
    public record Notifications(boolean email, Sms sms, boolean inApp) {

        public static final Notifications DEFAULTS = new Notifications(true, Sms.OFF, true);

        public Notifications {
            sms = sms == null ? Sms.OFF : sms;
        }
    }

    /** Text messages; {@code phone} is an E.164 number, required when enabled. */
    public record Sms(boolean enabled, String phone) {

        public static final Sms OFF = new Sms(false, null);
    }

    /**
     * No notifications between {@code start} and {@code end} ("HH:mm", wrapping past midnight when end is earlier),
     * in {@code timezone}, or the user's own time zone when it is null.
     */
    public record QuietHours(String start, String end, String timezone) {}
}
