package io.ganaka.api.reports;

/**
 * The total, number, smallest, largest and average expense in one currency (amounts are decimal strings in the
 * currency's digits). {@code min} and {@code max} are null for totals projected before extremes were kept.
 */
public record CurrencyTotal(String currency, String total, long count, String min, String max, String average) {}
