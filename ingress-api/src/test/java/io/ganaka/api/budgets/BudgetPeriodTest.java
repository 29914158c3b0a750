package io.ganaka.api.budgets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ganaka.api.errors.FieldError;
import io.ganaka.api.errors.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetPeriodTest {

    private static List<String> fieldsOf(String year, String month) {
        return catchThrowableOfType(ValidationException.class, () -> BudgetPeriod.month(year, month)).errors()
                .stream().map(FieldError::field).toList();
    }

    @Test
    void readsAMonthFromItsPathSegments() {
        assertThat(BudgetPeriod.month("2026", "3")).isEqualTo(new BudgetPeriod(2026, 3));
        assertThat(BudgetPeriod.month("1970", "01")).isEqualTo(new BudgetPeriod(1970, 1));
        assertThat(BudgetPeriod.month("9999", "12")).isEqualTo(new BudgetPeriod(9999, 12));
    }

    @Test
    void refusesYearsOutside1970To9999AndMonthsOutside1To12() {
        assertThat(fieldsOf("1969", "1")).containsExactly("year");
        assertThat(fieldsOf("10000", "1")).containsExactly("year");
        assertThat(fieldsOf("2026", "0")).containsExactly("month");
        assertThat(fieldsOf("2026", "13")).containsExactly("month");
        assertThat(fieldsOf("0", "0")).containsExactly("year", "month");
    }

    @Test
    void refusesAnythingButPlainNumbers() {
        assertThat(fieldsOf("twenty", "3")).containsExactly("year");
        assertThat(fieldsOf("2026", "-3")).containsExactly("month");
        assertThat(fieldsOf("2026", "+3")).containsExactly("month");
        assertThat(fieldsOf("99999999999999", "1")).containsExactly("year");
    }

    @Test
    void theDefaultIsYearAndMonthZeroAndNullInEvents() {
        assertThat(BudgetPeriod.DEFAULT.isDefault()).isTrue();
        assertThat(BudgetPeriod.DEFAULT.eventYear()).isNull();
        assertThat(BudgetPeriod.DEFAULT.eventMonth()).isNull();
        assertThat(new BudgetPeriod(2026, 3).eventYear()).isEqualTo(2026);
        assertThat(new BudgetPeriod(2026, 3).eventMonth()).isEqualTo(3);
    }
}
