package io.ganaka.schemas.dashboard;

import io.ganaka.schemas.Money;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A dashboard being changed: the merge rules of the cache, in one place, free of I/O. Every rule converges whatever the
 * order and repetition of its inputs: expense changes are guarded by the expense version (also for expenses no longer
 * on the list, see {@link DashboardState#known()}), totals are absolute values, alerts are keyed by id.
 *
 * <p>The list of latest expenses holds the user's newest {@value #EXPENSE_LIMIT} live expenses. When a change leaves
 * it shorter while the user has more, {@link #needsExpenseRefill()} says so, and the caller merges the newest rows of
 * the database in with {@link #mergeExpenses}; the same for alerts.
 */
public final class DashboardDraft {

    public static final int EXPENSE_LIMIT = 20;
    public static final int ALERT_LIMIT = 20;
    /** Versions of expenses off the list kept at most; the oldest entries go first. */
    static final int KNOWN_LIMIT = 200;

    private final String userId;
    private final YearMonth month;
    private final String timezone;
    private final Map<String, Dashboard.Total> totals = new TreeMap<>();
    private final Map<List<String>, Dashboard.CategoryLine> categories = new HashMap<>();
    private final List<ExpenseItem> expenses = new ArrayList<>();
    private final List<AlertItem> alerts = new ArrayList<>();
    private final LinkedHashMap<String, Long> known = new LinkedHashMap<>();
    private final Map<String, Long> offsets = new TreeMap<>();
    private boolean moreExpenses;
    private boolean moreAlerts;

    /** An empty dashboard of a user for a month. */
    public DashboardDraft(String userId, YearMonth month, String timezone) {
        this.userId = Objects.requireNonNull(userId);
        this.month = Objects.requireNonNull(month);
        this.timezone = Objects.requireNonNull(timezone);
    }

    /** A draft holding a stored state. */
    public static DashboardDraft of(DashboardState state) {
        Dashboard d = state.dashboard();
        DashboardDraft draft = new DashboardDraft(d.userId(), YearMonth.parse(d.month()), d.timezone());
        d.totals().forEach(t -> draft.totals.put(t.currency(), t));
        d.categories().forEach(c -> draft.categories.put(categoryKey(c.categoryId(), c.currency()), c));
        draft.expenses.addAll(d.latestExpenses());
        draft.alerts.addAll(d.alerts());
        draft.known.putAll(state.known());
        draft.offsets.putAll(state.offsets());
        draft.moreExpenses = state.moreExpenses();
        draft.moreAlerts = state.moreAlerts();
        return draft;
    }

    public YearMonth month() {
        return month;
    }

    public String timezone() {
        return timezone;
    }

    /** Carries what was applied before (offsets, versions of expenses off the list) over from an earlier state. */
    public DashboardDraft rememberFrom(DashboardState earlier) {
        earlier.offsets().forEach((source, offset) -> offsets.merge(source, offset, Math::max));
        earlier.known().forEach(this::remember);
        return this;
    }

    /**
     * True, and the offset noted, when a record at this offset of this source partition was not applied yet; a
     * replayed record answers false and must be skipped.
     */
    public boolean firstSight(String source, long offset) {
        Long seen = offsets.get(source);
        if (seen != null && offset <= seen) {
            return false;
        }
        offsets.put(source, offset);
        return true;
    }

    /** An added or updated expense, applied only when newer than what the dashboard knows of it. */
    public void applyExpense(ExpenseItem item) {
        int at = indexOf(item.id());
        if (at >= 0) {
            if (item.version() <= expenses.get(at).version()) {
                return;
            }
            expenses.remove(at);
        } else {
            // Strictly older only: an expense that merely fell off the list may come back at the version it had, while a
            // deletion's version is always above the data version it deletes.
            Long seen = known.get(item.id());
            if (seen != null && item.version() < seen) {
                return;
            }
        }
        known.remove(item.id());
        insertExpense(item);
    }

    /** A deleted expense: off the list, and its version remembered so that older versions stay out. */
    public void applyDeletion(String expenseId, long version) {
        int at = indexOf(expenseId);
        if (at >= 0) {
            if (version <= expenses.get(at).version()) {
                return;
            }
            expenses.remove(at);
        }
        Long seen = known.get(expenseId);
        if (seen == null || version > seen) {
            remember(expenseId, version);
        }
    }

    /** A categorization of one expense version: applies only while the list shows exactly that version. */
    public void applyCategorization(String expenseId, long version, String categoryId, String categorizedBy,
                                    List<String> tags) {
        int at = indexOf(expenseId);
        if (at >= 0 && expenses.get(at).version() == version) {
            expenses.set(at, expenses.get(at).categorized(categoryId, categorizedBy, tags));
        }
    }

    /** The absolute total of a month and currency; other months than the dashboard's are ignored. */
    public void applyMonthlyTotal(int year, int monthOfYear, String currency, BigDecimal total, long count) {
        if (!month.equals(YearMonth.of(year, monthOfYear))) {
            return;
        }
        if (count == 0) {
            totals.remove(currency);
        } else {
            totals.put(currency, new Dashboard.Total(currency, amount(total, currency), count));
        }
    }

    /** The absolute total of a category in a month and currency; other months are ignored. */
    public void applyCategoryTotal(int year, int monthOfYear, String categoryId, String currency, BigDecimal total,
                                   long count) {
        if (!month.equals(YearMonth.of(year, monthOfYear))) {
            return;
        }
        List<String> key = categoryKey(categoryId, currency);
        if (count == 0) {
            categories.remove(key);
        } else {
            categories.put(key, new Dashboard.CategoryLine(categoryId, currency, amount(total, currency), count));
        }
    }

    /** A raised alert; one the dashboard already shows, or older than all shown while there are more, is left out. */
    public void applyAlert(AlertItem alert) {
        if (alerts.stream().anyMatch(a -> a.alertId().equals(alert.alertId()))) {
            return;
        }
        alerts.add(alert);
        alerts.sort(AlertItem.NEWEST_FIRST);
        if (moreAlerts && alerts.get(alerts.size() - 1) == alert) {
            alerts.remove(alerts.size() - 1); // older than every alert shown: not among the newest
        }
        while (alerts.size() > ALERT_LIMIT) {
            alerts.remove(alerts.size() - 1);
            moreAlerts = true;
        }
    }

    /** A dismissed alert leaves the dashboard. */
    public void removeAlert(String alertId) {
        alerts.removeIf(a -> a.alertId().equals(alertId));
    }

    /** The user may have more live expenses than the (now short) list shows: merge the database's newest in. */
    public boolean needsExpenseRefill() {
        return moreExpenses && expenses.size() < EXPENSE_LIMIT;
    }

    /**
     * Every expense version the dashboard has applied: those on the list and those it remembers off it (deleted, or
     * fallen off the end). A refill from a database that holds an older version of any of them is not the newest.
     */
    public Map<String, Long> expenseVersions() {
        Map<String, Long> versions = new HashMap<>(known);
        expenses.forEach(e -> versions.merge(e.id(), e.version(), Math::max));
        return versions;
    }

    /** The user may have more open alerts than the (now short) list shows. */
    public boolean needsAlertRefill() {
        return moreAlerts && alerts.size() < ALERT_LIMIT;
    }

    /**
     * Merges the user's newest live expenses as the database holds them (newest first, one more than the list shows,
     * so that a full answer marks the list as having more): each only where the dashboard knows no newer version.
     */
    public void mergeExpenses(List<ExpenseItem> newest) {
        moreExpenses = false; // the rows given decide what is newest; trimming sets the flag again
        for (ExpenseItem item : newest) {
            applyExpense(item);
        }
    }

    /** Merges the user's newest open alerts as the database holds them, like {@link #mergeExpenses}. */
    public void mergeAlerts(List<AlertItem> newest) {
        moreAlerts = false;
        for (AlertItem alert : newest) {
            applyAlert(alert);
        }
    }

    /** The state at a version. */
    public DashboardState toState(long version) {
        List<Dashboard.CategoryLine> lines = new ArrayList<>(categories.values());
        lines.sort(Comparator.comparing(Dashboard.CategoryLine::currency)
                .thenComparing((Dashboard.CategoryLine c) -> new BigDecimal(c.total()), Comparator.reverseOrder())
                .thenComparing(Dashboard.CategoryLine::categoryId, Comparator.nullsFirst(Comparator.naturalOrder())));
        Dashboard dashboard = new Dashboard(userId, version, month.toString(), timezone,
                new ArrayList<>(totals.values()), lines, expenses, alerts);
        return new DashboardState(dashboard, moreExpenses, moreAlerts, known, offsets);
    }

    /** The decimal string of an amount in its currency ({@code 12.30} for EUR), as the rest of the API writes it. */
    public static String amount(BigDecimal value, String currency) {
        if (value == null) {
            return null;
        }
        try {
            return Money.format(value, currency);
        } catch (IllegalArgumentException | ArithmeticException e) {
            // An unknown currency, or more decimals than it has: shown as given rather than rounded.
            return value.toPlainString();
        }
    }

    private void insertExpense(ExpenseItem item) {
        expenses.add(item);
        expenses.sort(ExpenseItem.NEWEST_FIRST);
        if (moreExpenses && expenses.get(expenses.size() - 1) == item) {
            // Older than every expense shown while unshown ones exist: whether it belongs is unknown, so it stays off
            // (needsExpenseRefill then asks for the database's view).
            expenses.remove(expenses.size() - 1);
            remember(item.id(), item.version());
        }
        while (expenses.size() > EXPENSE_LIMIT) {
            ExpenseItem last = expenses.remove(expenses.size() - 1);
            remember(last.id(), last.version());
            moreExpenses = true;
        }
    }

    private void remember(String expenseId, long version) {
        known.merge(expenseId, version, Math::max);
        if (known.size() > KNOWN_LIMIT) {
            known.remove(known.keySet().iterator().next());
        }
    }

    private int indexOf(String expenseId) {
        for (int i = 0; i < expenses.size(); i++) {
            if (expenses.get(i).id().equals(expenseId)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> categoryKey(String categoryId, String currency) {
        return Arrays.asList(categoryId, currency);
    }
}
