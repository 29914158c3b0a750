package io.ganaka.app;

import io.ganaka.streams.TopologySettings;
import io.ganaka.streams.alerts.AlertSettings;
import io.ganaka.streams.reportupdates.MonthCloseSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of the configuration the streams topologies are built from: the alerts' defaults (users' own preferences
 * still override the high-value threshold) and when months close. Each key beside its default and its check; every
 * bad value adds one line to {@code problems}.
 */
final class TopologyConfig {

    static final String HIGH_VALUE = "GANAKA_ALERT_HIGH_VALUE";
    static final String BUDGET_PERCENTS = "GANAKA_ALERT_BUDGET_PERCENTS";
    static final String MIN_HISTORY = "GANAKA_ALERT_UNUSUAL_MIN_HISTORY";
    static final String SIGMAS = "GANAKA_ALERT_UNUSUAL_SIGMAS";
    static final String MEAN_FACTOR = "GANAKA_ALERT_UNUSUAL_MEAN_FACTOR";
    static final String CLOSE_INTERVAL = "GANAKA_MONTH_CLOSE_INTERVAL";
    static final String CLOSE_GRACE = "GANAKA_MONTH_CLOSE_GRACE";

    private static final Pattern DECIMAL = Pattern.compile("\\d{1,12}(\\.\\d{1,6})?");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    private final Map<String, String> env;
    private final List<String> problems;

    private TopologyConfig(Map<String, String> env, List<String> problems) {
        this.env = env;
        this.problems = problems;
    }

    /** The settings from {@code env}; where a value is bad, its problem is added and the default stands in. */
    static TopologySettings load(Map<String, String> env, List<String> problems) {
        return new TopologyConfig(env, problems).settings();
    }

    private TopologySettings settings() {
        AlertSettings defaults = AlertSettings.defaults();
        BigDecimal highValue = decimal(HIGH_VALUE, defaults.defaultHighValueThreshold(), new BigDecimal("0.01"),
                new BigDecimal("999999999999"));
        List<Integer> percents = percents(BUDGET_PERCENTS, defaults.budgetPercents());
        int minHistory = whole(MIN_HISTORY, defaults.minimumHistory(), 1, 100_000);
        double sigmas = decimal(SIGMAS, BigDecimal.valueOf(defaults.deviations()), BigDecimal.ZERO,
                BigDecimal.valueOf(100)).doubleValue();
        double meanFactor = decimal(MEAN_FACTOR, BigDecimal.valueOf(defaults.ratio()), BigDecimal.ONE,
                BigDecimal.valueOf(100)).doubleValue();

        MonthCloseSettings close = MonthCloseSettings.defaults();
        Duration interval = duration(CLOSE_INTERVAL, close.interval(), MonthCloseSettings.MIN_INTERVAL,
                MonthCloseSettings.MAX_INTERVAL);
        Duration grace = duration(CLOSE_GRACE, close.grace(), Duration.ZERO, MonthCloseSettings.MAX_GRACE);

        return new TopologySettings(new AlertSettings(highValue, percents, minHistory, sigmas, meanFactor),
                new MonthCloseSettings(interval, grace, close.retention()));
    }

    private String value(String key) {
        String value = env.get(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private BigDecimal decimal(String key, BigDecimal defaultValue, BigDecimal min, BigDecimal max) {
        String value = value(key);
        if (value == null) {
            return defaultValue;
        }
        if (!DECIMAL.matcher(value).matches()) {
            problems.add(key + " must be a decimal number such as 12.50, got '" + value + "'");
            return defaultValue;
        }
        BigDecimal parsed = new BigDecimal(value);
        if (parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
            problems.add(key + " must be between " + min.toPlainString() + " and " + max.toPlainString() + ", got " + value);
            return defaultValue;
        }
        return parsed;
    }

    private int whole(String key, int defaultValue, int min, int max) {
        String value = value(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                problems.add(key + " must be between " + min + " and " + max + ", got " + parsed);
                return defaultValue;
            }
            return parsed;
        } catch (NumberFormatException e) {
            problems.add(key + " must be a whole number, got '" + value + "'");
            return defaultValue;
        }
    }

    /** A comma-separated list of percentages 1..1000, returned sorted without repeats. */
    private List<Integer> percents(String key, List<Integer> defaultValue) {
        String value = value(key);
        if (value == null) {
            return defaultValue;
        }
        TreeSet<Integer> percents = new TreeSet<>();
        List<String> bad = new ArrayList<>();
        for (String entry : value.split(",")) {
            String percent = entry.strip();
            if (percent.isEmpty()) {
                continue;
            }
            try {
                int parsed = Integer.parseInt(percent);
                if (parsed < 1 || parsed > 1000) {
                    bad.add(percent);
                } else {
                    percents.add(parsed);
                }
            } catch (NumberFormatException e) {
                bad.add(percent);
            }
        }
        if (!bad.isEmpty() || percents.isEmpty()) {
            problems.add(key + " must be a comma-separated list of whole percentages from 1 to 1000 such as 80,100, got '"
                    + value + "'");
            return defaultValue;
        }
        return List.copyOf(percents);
    }

    /** A duration as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT5M}). */
    private Duration duration(String key, Duration defaultValue, Duration min, Duration max) {
        String value = value(key);
        if (value == null) {
            return defaultValue;
        }
        Duration parsed = parseDuration(value);
        if (parsed == null) {
            problems.add(key + " must be a duration such as 30s, 5m or PT5M, got '" + value + "'");
            return defaultValue;
        }
        if (parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
            problems.add(key + " must be between " + describe(min) + " and " + describe(max) + ", got " + value);
            return defaultValue;
        }
        return parsed;
    }

    static Duration parseDuration(String value) {
        Matcher m = SHORT_DURATION.matcher(value);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            // Neither form: the caller reports the problem.
            return null;
        }
    }

    private static String describe(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        if (duration.toMillis() < 1000) {
            return duration.toMillis() + "ms";
        }
        return duration.toString().substring(2).toLowerCase();
    }
}
