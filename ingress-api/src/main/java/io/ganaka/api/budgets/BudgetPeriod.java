package io.ganaka.api.budgets;

import io.ganaka.api.errors.FieldError;
import io.ganaka.api.errors.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The period budgets belong to: a calendar month, or the recurring monthly {@link #DEFAULT}, stored (and only ever
 * stored) as year 0, month 0. Events name the default with a null year and month.
 */
public record BudgetPeriod(int year, int month) {

    public static final BudgetPeriod DEFAULT = new BudgetPeriod(0, 0);
    public static final int MIN_YEAR = 1970;
    public static final int MAX_YEAR = 9999;
    private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");

    /**
     * The month named by path segments such as {@code 2026} and {@code 3}.
     *
     * @throws ValidationException naming {@code year} and/or {@code month} when out of range or not numbers
     */
    public static BudgetPeriod month(String year, String month) {
        List<FieldError> errors = new ArrayList<>();
        int y = number(year);
        int m = number(month);
        if (y < MIN_YEAR || y > MAX_YEAR) {
            errors.add(new FieldError("year", "must be a year from " + MIN_YEAR + " to " + MAX_YEAR));
        }
        if (m < 1 || m > 12) {
            errors.add(new FieldError("month", "must be a month from 1 to 12"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new BudgetPeriod(y, m);
    }

    public boolean isDefault() {
        return year == 0 && month == 0;
    }

    /** The year as events and answers carry it: null for the default. */
    public Integer eventYear() {
        return isDefault() ? null : year;
    }

    /** The month as events and answers carry it: null for the default. */
    public Integer eventMonth() {
        return isDefault() ? null : month;
    }

    /** The number a path segment holds, or -1 for anything that is not a plain decimal number. */
    private static int number(String text) {
        return text != null && NUMBER.matcher(text).matches() ? Integer.parseInt(text) : -1;
    }
}
