package io.ganaka.api.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ganaka.api.errors.FieldError;
import io.ganaka.api.errors.MalformedRequestException;
import io.ganaka.api.errors.ValidationException;
import io.ganaka.api.expenses.Amounts;
import io.ganaka.api.users.Preferences.MonthlyBudget;
import io.ganaka.api.users.Preferences.Notifications;
import io.ganaka.api.users.Preferences.QuietHours;
import io.ganaka.api.users.Preferences.Sms;
import io.ganaka.schemas.Money;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Strict reading of a profile document: every field checked, every unknown key (at any depth) refused by its path,
 * and every problem of one document reported in one 400. Values come out normalized (canonical ids, zones, amounts).
 */
public final class ProfileParser {

    static final int MAX_DISPLAY_NAME = 100;
    static final int MAX_BUDGETS = 200;
    private static final int MAX_ZONE_LENGTH = 64;
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");
    private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ProfileParser() {}

    /**
     * A {@code PUT /users/{id}} body: {@code {"displayName", "timezone", "preferences": {...}}}.
     *
     * @throws MalformedRequestException when the body is not a JSON object
     * @throws ValidationException listing every invalid or unknown field by its path
     */
    public static ProfileUpdate update(JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            throw new MalformedRequestException("request body must be a JSON object");
        }
        StrictObject root = new StrictObject(object, "", new ArrayList<>());
        String displayName = displayName(root);
        String timezone = zone(root, "timezone");
        StrictObject preferences = root.object("preferences");
        Preferences parsed = preferences == null ? Preferences.DEFAULTS : preferences(preferences);
        root.rejectUnknownKeys();
        throwIfInvalid(root.errors());
        return new ProfileUpdate(displayName, timezone == null ? "UTC" : timezone, parsed);
    }

    /** The preferences document alone, e.g. as stored; an empty object gives the defaults. */
    public static Preferences preferences(JsonNode document) {
        if (!(document instanceof ObjectNode object)) {
            throw new MalformedRequestException("preferences must be a JSON object");
        }
        StrictObject preferences = new StrictObject(object, "preferences", new ArrayList<>());
        Preferences parsed = preferences(preferences);
        throwIfInvalid(preferences.errors());
        return parsed;
    }

    private static void throwIfInvalid(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static Preferences preferences(StrictObject p) {
        String currency = currency(p, "defaultCurrency");
        String threshold = amount(p, "highValueThreshold", currency);
        List<MonthlyBudget> budgets = budgets(p);
        Notifications notifications = notifications(p.object("notifications"));
        QuietHours quietHours = quietHours(p.object("quietHours"));
        p.rejectUnknownKeys();
        return new Preferences(currency, threshold, budgets, notifications, quietHours);
    }

    private static String displayName(StrictObject o) {
        String name = o.text("displayName");
        if (name == null) {
            return null;
        }
        String stripped = name.strip();
        int length = stripped.codePointCount(0, stripped.length());
        if (length < 1 || length > MAX_DISPLAY_NAME) {
            return o.reject("displayName", "must be 1 to " + MAX_DISPLAY_NAME + " characters long");
        }
        if (stripped.codePoints().anyMatch(Character::isISOControl)) {
            return o.reject("displayName", "must not contain control characters");
        }
        return stripped;
    }

    private static String zone(StrictObject o, String key) {
        String zone = o.text(key);
        if (zone == null) {
            return null;
        }
        if (zone.isBlank() || zone.length() > MAX_ZONE_LENGTH) {
            return o.reject(key, "must be an IANA time zone such as Europe/Berlin");
        }
        try {
            return ZoneId.of(zone.strip()).getId();
        } catch (DateTimeException e) {
            // Unknown region or malformed id: the caller's mistake, reported like any other field.
            return o.reject(key, "must be an IANA time zone such as Europe/Berlin");
        }
    }

    private static String currency(StrictObject o, String key) {
        String code = o.text(key);
        if (code == null) {
            return null;
        }
        return Money.currency(code).isPresent() ? code : o.reject(key, "must be an ISO 4217 currency code such as EUR");
    }

    /** A positive decimal under the same rules as expense amounts, as a canonical decimal string. */
    private static String amount(StrictObject o, String key, String currency) {
        JsonNode node = o.get(key);
        if (node == null) {
            return null;
        }
        Optional<BigDecimal> amount = Amounts.parse(node);
        if (amount.isEmpty()) {
            return o.reject(key, "must be a decimal string such as \"12.34\"");
        }
        int digits = currency == null ? -1 : Money.fractionDigits(currency);
        Optional<String> problem = Amounts.problem(amount.get(), digits);
        if (problem.isPresent()) {
            return o.reject(key, problem.get());
        }
        return currency == null ? amount.get().toPlainString() : Money.format(amount.get(), currency);
    }

    private static String required(StrictObject o, String key) {
        return o.get(key) == null ? o.reject(key, "is required") : o.text(key);
    }

    private static List<MonthlyBudget> budgets(StrictObject p) {
        JsonNode node = p.get("monthlyBudgets");
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof ArrayNode array)) {
            return p.reject("monthlyBudgets", "must be an array");
        }
        if (array.size() > MAX_BUDGETS) {
            return p.reject("monthlyBudgets", "must have at most " + MAX_BUDGETS + " items");
        }
        List<MonthlyBudget> budgets = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String path = p.path("monthlyBudgets") + "[" + i + "]";
            if (!(array.get(i) instanceof ObjectNode item)) {
                p.rejectPath(path, "must be an object");
                continue;
            }
            StrictObject b = new StrictObject(item, path, p.errors());
            String categoryId = uuid(b, "categoryId");
            String currency = b.get("currency") == null ? b.reject("currency", "is required") : currency(b, "currency");
            String amount = b.get("amount") == null ? b.reject("amount", "is required") : amount(b, "amount", currency);
            b.rejectUnknownKeys();
            if (categoryId != null && currency != null && amount != null) {
                if (seen.add(categoryId + "/" + currency)) {
                    budgets.add(new MonthlyBudget(categoryId, currency, amount));
                } else {
                    p.rejectPath(path, "repeats the budget of this category and currency");
                }
            }
        }
        return budgets;
    }

    private static String uuid(StrictObject o, String key) {
        String text = required(o, key);
        if (text == null) {
            return null;
        }
        return UUID_TEXT.matcher(text).matches() ? text.toLowerCase(Locale.ROOT) : o.reject(key, "must be a UUID");
    }

    private static Notifications notifications(StrictObject n) {
        if (n == null) {
            return Notifications.DEFAULTS;
        }
        boolean email = n.bool("email", Notifications.DEFAULTS.email());
        Sms sms = sms(n.object("sms"));
        boolean inApp = n.bool("inApp", Notifications.DEFAULTS.inApp());
        n.rejectUnknownKeys();
        return new Notifications(email, sms, inApp);
    }

    private static Sms sms(StrictObject s) {
        if (s == null) {
            return Sms.OFF;
        }
        boolean enabled = s.bool("enabled", false);
        boolean given = s.get("phone") != null;
        String phone = s.text("phone");
        if (phone != null && !E164.matcher(phone).matches()) {
            phone = s.reject("phone", "must be an E.164 number such as +4915112345678");
        } else if (enabled && !given) {
            s.reject("phone", "is required when sms is enabled");
        }
        s.rejectUnknownKeys();
        return new Sms(enabled, phone);
    }

    private static QuietHours quietHours(StrictObject q) {
        if (q == null) {
            return null;
        }
        String start = time(q, "start");
        String end = time(q, "end");
        if (start != null && start.equals(end)) {
            q.reject("end", "must differ from start");
        }
        String timezone = zone(q, "timezone");
        q.rejectUnknownKeys();
        return new QuietHours(start, end, timezone);
    }

    private static String time(StrictObject o, String key) {
        String time = required(o, key);
        if (time == null) {
            return null;
        }
        return HH_MM.matcher(time).matches() ? time : o.reject(key, "must be a time of day as HH:mm, e.g. 22:30");
    }
}
