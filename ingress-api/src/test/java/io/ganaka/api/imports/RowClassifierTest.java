package io.ganaka.api.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Row outcomes: the expense rules, category names, and duplicates within the file, across batches and in Postgres. */
class RowClassifierTest {

    private static final UUID USER = UUID.randomUUID();
    private static final UUID IMPORT = UUID.fromString("01a22bd2-82ec-70d7-8f3e-2111925abf50");
    private static final UUID FOOD = UUID.randomUUID();
    private static final Instant NOON = Instant.parse("2026-03-15T12:00:00Z");

    private final List<List<DuplicateKey>> asked = new ArrayList<>();
    private final UUID existing = UUID.randomUUID();
    private final RowClassifier classifier = new RowClassifier(USER, IMPORT, Map.of("food", FOOD), (user, keys) -> {
        asked.add(keys);
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).description().equals("rent")) {
                return Map.of(i, existing);
            }
        }
        return Map.of();
    });

    @Test
    void aValidRowIsImportedUnderAnIdDerivedFromImportAndRow() throws Exception {
        RowOutcome outcome = classifier.classify(List.of(row(3, "12.3", "EUR", "Lunch", null))).get(0);

        assertThat(outcome.outcome()).isEqualTo(RowOutcome.Outcome.IMPORTED);
        assertThat(outcome.expenseId()).isEqualTo(ImportIds.expenseId(IMPORT, 3));
        assertThat(outcome.expense().amount()).isEqualByComparingTo("12.30");
        assertThat(outcome.expense().amount().scale()).isEqualTo(2);
        assertThat(outcome.warning()).isNull();
    }

    @Test
    void rowsBreakingTheExpenseRulesAreRejectedWithEveryMessage() throws Exception {
        List<RowOutcome> outcomes = classifier.classify(List.of(
                row(1, "0", "EUR", "Free", null),
                row(2, "1.00", null, " ", null),
                ParsedRow.rejected(3, "not an expense (credit)")));

        assertThat(outcomes).extracting(RowOutcome::reason).containsExactly(
                "amount must be greater than 0",
                "currency is required; description must not be blank",
                "not an expense (credit)");
        assertThat(outcomes).allSatisfy(o -> assertThat(o.outcome()).isEqualTo(RowOutcome.Outcome.REJECTED));
    }

    @Test
    void categoriesAreMatchedByNameIgnoringCaseAndUnknownOnesOnlyWarn() throws Exception {
        List<RowOutcome> outcomes = classifier.classify(List.of(
                row(1, "1.00", "EUR", "Bread", "FOOD"),
                row(2, "2.00", "EUR", "Socks", "Clothes")));

        assertThat(outcomes.get(0).expense().categoryId()).isEqualTo(FOOD);
        assertThat(outcomes.get(1).outcome()).isEqualTo(RowOutcome.Outcome.IMPORTED);
        assertThat(outcomes.get(1).expense().categoryId()).isNull();
        assertThat(outcomes.get(1).warning()).isEqualTo("unknown category 'Clothes'; imported uncategorized");
    }

    @Test
    void aRowRepeatingAnEarlierRowOfTheFileIsADuplicateEvenInALaterBatch() throws Exception {
        classifier.classify(List.of(row(1, "5.00", "EUR", "Bread", null)));

        RowOutcome repeat = classifier.classify(List.of(new ParsedRow(2, Instant.parse("2026-03-15T23:59:59Z"),
                "5", "USD", "BREAD", null, null, List.of(), null, null, null))).get(0);

        assertThat(repeat.outcome()).isEqualTo(RowOutcome.Outcome.DUPLICATE);
        assertThat(repeat.expenseId()).isEqualTo(ImportIds.expenseId(IMPORT, 1));
        assertThat(repeat.reason()).isEqualTo("same date, amount and description as row 1");
    }

    @Test
    void aRowRepeatingAnExistingExpenseIsADuplicateOfIt() throws Exception {
        List<RowOutcome> outcomes = classifier.classify(List.of(row(1, "1.00", "EUR", "Tea", null),
                row(2, "900.00", "EUR", "Rent", null)));

        assertThat(outcomes.get(1).outcome()).isEqualTo(RowOutcome.Outcome.DUPLICATE);
        assertThat(outcomes.get(1).expenseId()).isEqualTo(existing);
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0)).extracting(DuplicateKey::description).containsExactly("tea", "rent");
    }

    @Test
    void aRepeatedBankTransactionIdIsADuplicate() throws Exception {
        List<RowOutcome> outcomes = classifier.classify(List.of(
                new ParsedRow(1, NOON, "1.00", "EUR", "Bus", null, null, List.of(), null, "T1", null),
                new ParsedRow(2, NOON.plusSeconds(86_400), "2.00", "EUR", "Train", null, null, List.of(), null, "T1",
                        null)));

        assertThat(outcomes.get(1).outcome()).isEqualTo(RowOutcome.Outcome.DUPLICATE);
        assertThat(outcomes.get(1).reason()).contains("FITID").contains("row 1");
    }

    private static ParsedRow row(int number, String amount, String currency, String description, String category) {
        return new ParsedRow(number, NOON, amount, currency, description, null, category, List.of(), null, null, null);
    }
}
