package io.ganaka.streams.alerts;

import io.ganaka.schemas.EventPayload.AlertRaised;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a month's total with its budget. The level is how many of the settings' percentages the total has reached;
 * each percentage passed on the way up raises one alert, a fall re-arms the percentages it drops below, so the next
 * crossing raises again.
 */
final class BudgetThresholdDetector {

    static final String KIND = "budget-threshold";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The new level to remember and the alerts to raise. */
    record Outcome(int level, List<AlertRaised> alerts) {}

    private final List<Integer> percents;

    BudgetThresholdDetector(AlertSettings settings) {
        this.percents = settings.budgetPercents();
    }

    Outcome detect(BudgetSpend spend, BigDecimal limit, int previousLevel) {
        int level = level(spend.total(), limit);
        List<AlertRaised> alerts = new ArrayList<>();
        for (int i = previousLevel; i < level; i++) {
            alerts.add(alert(spend, limit, percents.get(i)));
        }
        return new Outcome(level, alerts);
    }

    private int level(BigDecimal total, BigDecimal limit) {
        BigDecimal spent = total == null ? BigDecimal.ZERO : total.multiply(HUNDRED);
        int level = 0;
        for (int percent : percents) {
            if (spent.compareTo(limit.multiply(BigDecimal.valueOf(percent))) >= 0) {
                level++;
            }
        }
        return level;
    }

    private static AlertRaised alert(BudgetSpend spend, BigDecimal limit, int percent) {
        String what = spend.allSpending() ? "all spending" : "this category";
        // The total and count at the crossing tell one crossing from a later one of the same percentage.
        String id = AlertIds.of(KIND, spend.levelKey(), Integer.toString(percent), spend.total().toPlainString(),
                Long.toString(spend.count()));
        String message = "Budget alert: you have spent " + spend.total().toPlainString() + " " + spend.currency()
                + " of your " + limit.toPlainString() + " " + spend.currency() + " budget for " + what + " in "
                + BudgetBook.period(spend.year(), spend.month()) + " (" + percent + " % reached).";
        return new AlertRaised(id, KIND, null, null, spend.categoryId(), spend.currency(), spend.total(), limit,
                percent, spend.year(), spend.month(), message);
    }
}
