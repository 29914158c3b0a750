package io.ganaka.api.reports;

import java.util.List;

/** One user's totals for one calendar month per category and currency, largest total first. */
public record CategoryReport(int year, int month, List<CategoryTotal> categories) {

    /** The name given to expenses without a category ({@code categoryId} null). */
    public static final String UNCATEGORIZED = "Uncategorized";

    /**
     * One category's total in one currency. {@code name} is {@link #UNCATEGORIZED} when {@code categoryId} is null,
     * and null for a category that has since been deleted (its total is kept under its id; the name is gone).
     * {@code min}/{@code max} are the smallest and largest expense (null on totals written before they were kept).
     */
    public record CategoryTotal(String categoryId, String name, String currency, String total, long count,
                                String min, String max, String average) {}
}
