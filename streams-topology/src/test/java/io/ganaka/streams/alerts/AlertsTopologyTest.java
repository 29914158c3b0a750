package io.ganaka.streams.alerts;

import static io.ganaka.streams.alerts.AlertEvents.added;
import static io.ganaka.streams.alerts.AlertEvents.budget;
import static io.ganaka.streams.alerts.AlertEvents.categorized;
import static io.ganaka.streams.alerts.AlertEvents.deleted;
import static io.ganaka.streams.alerts.AlertEvents.item;
import static io.ganaka.streams.alerts.AlertEvents.newId;
import static io.ganaka.streams.alerts.AlertEvents.threshold;
import static io.ganaka.streams.alerts.AlertEvents.updated;
import static io.ganaka.streams.alerts.AlertEvents.userDeleted;
import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.CategoryTotal;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload.AlertRaised;
import io.ganaka.schemas.MonthlyTotal;
import io.ganaka.schemas.Topic;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertsTopologyTest {

    private static final String FOOD = "01936b2e-8f3a-7c41-9a2b-00000000c001";
    private static final String TRAVEL = "01936b2e-8f3a-7c41-9a2b-00000000c002";

    @TempDir
    Path stateDir;

    private AlertsHarness topology;
    private final String user = newId();

    @BeforeEach
    void start() {
        topology = new AlertsHarness(stateDir);
    }

    @AfterEach
    void stop() {
        topology.close();
    }

    private CategoryTotal food(int month, String total) {
        return new CategoryTotal(user, 2026, month, FOOD, "EUR", new BigDecimal(total), 1);
    }

    private List<Integer> percents() {
        return topology.readAlerts().stream().map(AlertRaised::percent).toList();
    }

    // --- high value

    @Test
    void anAddAtTheDefaultThresholdRaisesAHighValueAlertKeyedByTheUser() {
        Event add = added(user, "1000.00", null);
        topology.send(add);

        List<KeyValue<String, Event>> out = topology.read();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).key).isEqualTo(user);
        Event event = out.get(0).value;
        AlertRaised alert = (AlertRaised) event.data();
        assertThat(event.id()).isEqualTo(alert.alertId());
        assertThat(event.correlationId()).isEqualTo("corr-add");
        assertThat(alert.kind()).isEqualTo("high-value");
        assertThat(alert.expenseId()).isEqualTo(((io.ganaka.schemas.EventPayload.ExpenseAdded) add.data()).expenseId());
        assertThat(alert.amount()).isEqualByComparingTo("1000.00");
        assertThat(alert.threshold()).isEqualByComparingTo("1000.00");
        assertThat(alert.message()).contains("1000.00 EUR");
    }

    @Test
    void anAddBelowTheThresholdRaisesNothing() {
        topology.send(added(user, "999.99", null));

        assertThat(topology.read()).isEmpty();
    }

    @Test
    void theUsersOwnThresholdReplacesTheDefaultWhateverTheCurrency() {
        topology.send(threshold(user, "500.00"));

        topology.send(added(user, newId(), "499.99", "INR", FOOD));
        topology.send(added(user, newId(), "500.00", "INR", FOOD));

        assertThat(topology.readAlerts()).singleElement().satisfies(alert -> {
            assertThat(alert.currency()).isEqualTo("INR");
            assertThat(alert.threshold()).isEqualByComparingTo("500.00");
        });
    }

    @Test
    void preferencesWithoutAThresholdFallBackToTheDefault() {
        topology.send(threshold(user, "500.00"));
        topology.send(threshold(user, null));

        topology.send(added(user, "600.00", FOOD));

        assertThat(topology.read()).isEmpty();
    }

    @Test
    void anUpdateRaisesOnlyWhenItLiftsTheAmountAcrossTheThreshold() {
        String expense = newId();
        topology.send(added(user, expense, "100.00", "EUR", FOOD));
        topology.send(updated(user, expense, 2, "1500.00"));
        topology.send(updated(user, expense, 3, "2000.00"));
        topology.send(updated(user, expense, 4, "50.00"));
        topology.send(updated(user, expense, 5, "1200.00"));

        assertThat(topology.readAlerts()).extracting(AlertRaised::expenseVersion).containsExactly(2L, 5L);
    }

    @Test
    void anUpdateOfADeletedExpenseCountsAsFirstSeen() {
        String expense = newId();
        topology.send(added(user, expense, "1500.00", "EUR", FOOD));
        topology.send(deleted(user, expense, 2));
        topology.send(updated(user, expense, 3, "1600.00"));

        assertThat(topology.readAlerts()).extracting(AlertRaised::expenseVersion).containsExactly(1L, 3L);
    }

    @Test
    void aDeletedUsersThresholdIsForgotten() {
        topology.send(threshold(user, "500.00"));
        topology.send(userDeleted(user));

        topology.send(added(user, "600.00", FOOD));

        assertThat(topology.read()).isEmpty();
    }

    // --- budget thresholds

    @Test
    void aCategoryTotalCrossingEightyThenHundredPercentRaisesOneAlertForEach() {
        topology.send(budget(user, 2026, 3, item(FOOD, "300.00")));

        topology.send(food(3, "200.00"));
        topology.send(food(3, "240.00"));
        topology.send(food(3, "250.00"));
        topology.send(food(3, "300.00"));
        topology.send(food(3, "310.00"));

        List<AlertRaised> alerts = topology.readAlerts();
        assertThat(alerts).extracting(AlertRaised::percent).containsExactly(80, 100);
        assertThat(alerts.get(0)).satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo("budget-threshold");
            assertThat(alert.categoryId()).isEqualTo(FOOD);
            assertThat(alert.amount()).isEqualByComparingTo("240.00");
            assertThat(alert.threshold()).isEqualByComparingTo("300.00");
            assertThat(alert.year()).isEqualTo(2026);
            assertThat(alert.month()).isEqualTo(3);
        });
    }

    @Test
    void aTotalJumpingPastBothThresholdsRaisesBoth() {
        topology.send(budget(user, 2026, 3, item(FOOD, "300.00")));

        topology.send(food(3, "400.00"));

        assertThat(percents()).containsExactly(80, 100);
    }

    @Test
    void aTotalThatFallsBelowAndCrossesAgainRaisesAgainUnderANewId() {
        topology.send(budget(user, 2026, 3, item(FOOD, "300.00")));
        topology.send(food(3, "250.00"));
        topology.send(food(3, "200.00"));
        topology.send(food(3, "260.00"));

        List<AlertRaised> alerts = topology.readAlerts();
        assertThat(alerts).extracting(AlertRaised::percent).containsExactly(80, 80);
        assertThat(alerts.get(0).alertId()).isNotEqualTo(alerts.get(1).alertId());
    }

    @Test
    void theRecurringDefaultAppliesOnlyToMonthsWithoutBudgetsOfTheirOwn() {
        topology.send(budget(user, null, null, item(FOOD, "100.00")));
        topology.send(budget(user, 2026, 3, item(FOOD, "300.00")));

        topology.send(food(3, "90.00"));
        topology.send(food(4, "90.00"));

        assertThat(topology.readAlerts()).singleElement().satisfies(alert -> {
            assertThat(alert.month()).isEqualTo(4);
            assertThat(alert.threshold()).isEqualByComparingTo("100.00");
        });
    }

    @Test
    void anAllSpendingBudgetWatchesTheMonthlyTotalButNotTheUncategorizedTotal() {
        topology.send(budget(user, 2026, 3, item(null, "1000.00")));

        topology.send(new CategoryTotal(user, 2026, 3, null, "EUR", new BigDecimal("850.00"), 3));
        topology.send(new MonthlyTotal(user, 2026, 3, "EUR", new BigDecimal("850.00"), 3));

        assertThat(topology.readAlerts()).singleElement().satisfies(alert -> {
            assertThat(alert.categoryId()).isNull();
            assertThat(alert.percent()).isEqualTo(80);
            assertThat(alert.message()).contains("all spending");
        });
    }

    @Test
    void totalsOfAnotherCategoryOrCurrencyOrWithoutBudgetRaiseNothing() {
        topology.send(budget(user, 2026, 3, item(FOOD, "100.00")));

        topology.send(new CategoryTotal(user, 2026, 3, TRAVEL, "EUR", new BigDecimal("500.00"), 1));
        topology.send(new CategoryTotal(user, 2026, 3, FOOD, "USD", new BigDecimal("500.00"), 1));
        topology.send(new CategoryTotal(newId(), 2026, 3, FOOD, "EUR", new BigDecimal("500.00"), 1));

        assertThat(topology.read()).isEmpty();
    }

    @Test
    void aRaisedBudgetRearmsThePercentagesTheTotalNoLongerReaches() {
        topology.send(budget(user, 2026, 3, item(FOOD, "100.00")));
        topology.send(food(3, "90.00"));
        topology.send(budget(user, 2026, 3, item(FOOD, "1000.00")));
        topology.send(food(3, "95.00"));
        topology.send(food(3, "800.00"));

        assertThat(percents()).containsExactly(80, 80);
    }

    @Test
    void aDeletedUsersBudgetsAndLevelsAreForgotten() {
        topology.send(budget(user, 2026, 3, item(FOOD, "100.00")));
        topology.send(food(3, "90.00"));
        topology.read();
        topology.send(userDeleted(user));

        topology.send(food(3, "95.00"));
        topology.send(budget(user, 2026, 3, item(FOOD, "100.00")));
        topology.send(food(3, "96.00"));

        assertThat(percents()).containsExactly(80);
    }

    // --- unusual spending

    private void history(String categoryId, String... amounts) {
        for (String amount : amounts) {
            topology.send(added(user, amount, categoryId));
        }
    }

    @Test
    void anAmountFarAboveFivePriorExpensesRaisesUnusualSpending() {
        history(FOOD, "10.00", "12.00", "11.00", "9.00", "10.00");

        topology.send(added(user, "100.00", FOOD));

        assertThat(topology.readAlerts()).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo("unusual-spending");
            assertThat(alert.categoryId()).isEqualTo(FOOD);
            assertThat(alert.amount()).isEqualByComparingTo("100.00");
            assertThat(alert.message()).contains("5 earlier expenses");
        });
    }

    @Test
    void fewerThanFivePriorExpensesNeverRaiseUnusualSpending() {
        history(FOOD, "10.00", "12.00", "11.00", "9.00");

        topology.send(added(user, "100.00", FOOD));

        assertThat(topology.read()).isEmpty();
    }

    @Test
    void anAmountAboveThreeSigmaButNotTwiceTheMeanRaisesNothing() {
        history(FOOD, "10.00", "10.00", "10.00", "10.00", "10.00");

        topology.send(added(user, "15.00", FOOD));
        topology.send(added(user, "25.00", FOOD));

        assertThat(topology.readAlerts()).extracting(AlertRaised::amount)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("25.00"));
    }

    @Test
    void historiesAreKeptPerCategoryAndCurrency() {
        history(FOOD, "10.00", "10.00", "10.00", "10.00", "10.00");

        topology.send(added(user, "100.00", TRAVEL));
        topology.send(added(user, newId(), "100.00", "USD", FOOD));

        assertThat(topology.read()).isEmpty();
    }

    @Test
    void anAddWithoutCategoryIsJudgedInTheCategoryTheCategorizationGivesIt() {
        for (int i = 0; i < 5; i++) {
            Event add = added(user, "10.00", null);
            topology.send(add);
            topology.send(categorized(add, FOOD));
        }
        Event unusual = added(user, "100.00", null);
        topology.send(unusual);
        assertThat(topology.read()).isEmpty();

        topology.send(categorized(unusual, FOOD));

        assertThat(topology.readAlerts()).singleElement()
                .satisfies(alert -> assertThat(alert.categoryId()).isEqualTo(FOOD));
    }

    @Test
    void anAddLeftWithoutCategorizationIsJudgedAsUncategorizedAfterTheWait() {
        history(null, "10.00", "10.00", "10.00", "10.00", "10.00");
        topology.send(added(user, "100.00", null));

        topology.waitForPendingAdds();

        assertThat(topology.readAlerts()).singleElement()
                .satisfies(alert -> assertThat(alert.categoryId()).isNull());
    }

    @Test
    void aDeletedUsersSpendingHistoryIsForgotten() {
        history(FOOD, "10.00", "10.00", "10.00", "10.00", "10.00");
        topology.send(userDeleted(user));

        topology.send(added(user, "100.00", FOOD));

        assertThat(topology.read()).isEmpty();
    }

    // --- robustness

    @Test
    void poisonRecordsOnEveryInputAreSkippedAndLaterRecordsStillRaise() {
        byte[] poison = "{not json".getBytes(StandardCharsets.UTF_8);
        for (Topic topic : List.of(Topic.EXPENSES_CATEGORIZED, Topic.USERS, Topic.CATEGORIES,
                Topic.REPORTS_CATEGORIES, Topic.REPORTS_MONTHLY)) {
            topology.sendRaw(topic, user, poison);
        }
        topology.send(budget(user, 2026, 3, item(FOOD, "100.00")));

        topology.send(added(user, "1000.00", FOOD));
        topology.send(food(3, "100.00"));

        assertThat(topology.readAlerts()).extracting(AlertRaised::kind)
                .containsExactly("high-value", "budget-threshold", "budget-threshold");
    }
}
