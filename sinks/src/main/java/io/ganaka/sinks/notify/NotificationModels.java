package io.ganaka.sinks.notify;

import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.Money;
import java.math.BigDecimal;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The values a template may use, made from the event and the user. Amounts are formatted exactly: the currency's
 * digits, never rounded, followed by the ISO code ({@code 1500.00 EUR}, {@code 1500 JPY}).
 */
public final class NotificationModels {

    private NotificationModels() {}

    /**
     * @param categoryNames the user's category names by id; an id without a name is shown as "a deleted category"
     */
    public static Map<String, Object> model(NotificationRequest request, UserContact user,
                                            Function<UUID, String> categoryNames) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", user.displayName() == null || user.displayName().isBlank() ? "there" : user.displayName());
        m.put("email", user.email());
        EventPayload data = request.data();
        if (data instanceof EventPayload.AlertRaised alert) {
            m.put("amount", money(alert.amount(), alert.currency()));
            m.put("threshold", money(alert.threshold(), alert.currency()));
            m.put("percent", alert.percent());
            m.put("period", period(alert.year(), alert.month()));
            m.put("category", alert.kind().equals("budget-threshold")
                    ? (alert.categoryId() == null ? "all spending" : category(alert.categoryId(), categoryNames))
                    : (alert.categoryId() == null ? "Uncategorized" : category(alert.categoryId(), categoryNames)));
        } else if (data instanceof EventPayload.ReportUpdated report) {
            m.put("period", period(report.year(), report.month()));
            List<Map<String, Object>> totals = new ArrayList<>();
            for (EventPayload.ReportLine line : report.totals()) {
                totals.add(line(money(line.total(), line.currency()), line.count(), null));
            }
            List<Map<String, Object>> categories = new ArrayList<>();
            for (EventPayload.ReportLine line : report.categories()) {
                String name = line.categoryId() == null ? "Uncategorized" : category(line.categoryId(), categoryNames);
                categories.add(line(money(line.total(), line.currency()), line.count(), name));
            }
            m.put("totals", totals);
            m.put("categories", categories);
            m.put("hasCategories", !categories.isEmpty());
            m.put("noSpending", totals.isEmpty());
            m.put("totalsLine", String.join(", ", totals.stream().map(t -> t.get("total") + " (" + t.get("expenses")
                    + ")").toList()));
        }
        return m;
    }

    private static Map<String, Object> line(String total, long count, String name) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("total", total);
        line.put("count", count);
        line.put("expenses", count == 1 ? "1 expense" : count + " expenses");
        if (name != null) {
            line.put("name", name);
        }
        return line;
    }

    /** {@code 1234.50 EUR}: the currency's digits exactly; an amount with more digits is shown as it is. */
    public static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        String code = currency == null ? "" : currency;
        String number;
        try {
            number = Money.currency(code).isPresent() ? Money.format(amount, code) : amount.toPlainString();
        } catch (ArithmeticException e) {
            number = amount.toPlainString(); // more decimals than the currency has: never round an amount away
        }
        return code.isEmpty() ? number : number + " " + code;
    }

    private static String period(Integer year, Integer month) {
        if (year == null || month == null || month < 1 || month > 12) {
            return year == null ? "" : year.toString();
        }
        return Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year;
    }

    private static String category(String id, Function<UUID, String> names) {
        try {
            String name = names.apply(UUID.fromString(id));
            return name == null ? "a deleted category" : name;
        } catch (IllegalArgumentException e) {
            return "a deleted category";
        }
    }
}
